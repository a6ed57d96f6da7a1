import { describe, expect, it } from 'vitest';
import type {
  NoticeDetail,
  TaskAction,
  TaskEffect,
} from '../../../../src/domain/task/task.effects.js';
import type { Task, TaskNode } from '../../../../src/domain/task/task.types.js';
import { aNode, aTask, at, hours, nodeOf, run, statuses, T0, within } from '../builders.js';

const types = (events: readonly { type: string }[]) => events.map((e) => e.type);

/** #12 after 张三 finished n1: n2 (李四, approval) ∥ n3 (王五) active. */
const atApproval = () =>
  run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task;
/** #12 with only n4 (钱七) left. */
const atLast = () =>
  run(atApproval(), [
    ['lisi', { type: 'approve', nodeId: 'n2', note: null }],
    ['wangwu', { type: 'complete', nodeId: 'n3', note: null }],
  ]).task;
const paused = () =>
  run(aTask(), [['zhangsan', { type: 'pause', nodeId: 'n1', reason: '等配件' }, at(hours(1))]])
    .task;
const extensionAsked = () =>
  run(aTask(), [
    [
      'zhangsan',
      { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: '等报价' },
      at(hours(1)),
    ],
  ]).task;
const countersign = (signMode: 'all' | 'any', kind: 'action' | 'approval' = 'approval') =>
  aTask({
    nodes: [aNode({ id: 'n1', kind, owners: ['zhangsan', 'lisi'], signMode }), aNode({ id: 'n2' })],
  });

interface Row {
  readonly from: () => Task;
  readonly by: string | null;
  readonly action: TaskAction;
  readonly now?: Date;
  readonly statuses?: string;
  readonly events: readonly string[];
  readonly effects?: readonly TaskEffect[];
  readonly check?: (task: Task) => void;
}

const notify = (
  audience: 'owners' | 'creator' | 'coordination' | 'followers',
  reason: Extract<TaskEffect, { type: 'notify' }>['reason'],
  nodeId: string | null,
  detail?: NoticeDetail,
): Extract<TaskEffect, { type: 'notify' }> => ({
  type: 'notify',
  audience,
  reason,
  nodeId,
  ...(detail ? { detail } : {}),
});
const node = (task: Task, id: string): TaskNode => nodeOf(task, id);

const TRANSITIONS: Record<string, Row> = {
  'complete: the baton passes to the parallel group n2 ∥ n3': {
    from: aTask,
    by: 'zhangsan',
    action: { type: 'complete', nodeId: 'n1', note: '已联系供应商' },
    now: at(hours(1)),
    statuses: 'n1:done n2:active n3:active n4:pending',
    events: ['node.owner_done', 'node.completed', 'node.activated', 'node.activated'],
    effects: [
      { type: 'clear-node', nodeId: 'n1' },
      { type: 'plan-node', nodeId: 'n2', deadlineVersion: 1 },
      { type: 'plan-node', nodeId: 'n3', deadlineVersion: 1 },
      notify('owners', 'activated', 'n2'),
      notify('owners', 'activated', 'n3'),
      { type: 'refresh-card' },
    ],
    check: (t) => {
      expect(node(t, 'n1')).toMatchObject({
        completedAt: at(hours(1)),
        acknowledgedAt: at(hours(1)),
      });
      expect(node(t, 'n1').fields).toEqual({ 处理说明: '已联系供应商' });
      expect(node(t, 'n2')).toMatchObject({ activatedAt: at(hours(1)), dueAt: at(hours(5)) });
    },
  },
  'complete by a coordinator who owns nothing settles the node': {
    from: aTask,
    by: 'zhaoliu',
    action: { type: 'complete', nodeId: 'n1', note: null },
    statuses: 'n1:done n2:active n3:active n4:pending',
    events: ['node.owner_done', 'node.completed', 'node.activated', 'node.activated'],
  },
  'complete by an admin settles the node': {
    from: aTask,
    by: 'admin',
    action: { type: 'complete', nodeId: 'n1', note: null },
    statuses: 'n1:done n2:active n3:active n4:pending',
    events: ['node.owner_done', 'node.completed', 'node.activated', 'node.activated'],
  },
  'complete of one parallel node waits for the other': {
    from: atApproval,
    by: 'wangwu',
    action: { type: 'complete', nodeId: 'n3', note: null },
    statuses: 'n1:done n2:active n3:done n4:pending',
    events: ['node.owner_done', 'node.completed'],
    effects: [{ type: 'clear-node', nodeId: 'n3' }, { type: 'refresh-card' }],
  },
  'complete of the last node closes the task done and asks for a rating': {
    from: atLast,
    by: 'qianqi',
    action: { type: 'complete', nodeId: 'n4', note: null },
    now: at(hours(9)),
    statuses: 'n1:done n2:approved n3:done n4:done',
    events: ['node.owner_done', 'node.completed', 'task.done'],
    effects: [
      { type: 'clear-node', nodeId: 'n4' },
      notify('creator', 'done', null),
      notify('followers', 'done', null),
      { type: 'request-rating' },
      { type: 'refresh-card' },
    ],
    check: (t) => expect(t).toMatchObject({ status: 'done', closedAt: at(hours(9)) }),
  },
  'approve settles an approval node': {
    from: atApproval,
    by: 'lisi',
    action: { type: 'approve', nodeId: 'n2', note: '同意' },
    statuses: 'n1:done n2:approved n3:active n4:pending',
    events: ['node.owner_approved', 'node.approved'],
    check: (t) => expect(node(t, 'n2').fields).toEqual({ 处理说明: '同意' }),
  },
  '会签: the first approval waits for the other owner': {
    from: () => countersign('all'),
    by: 'zhangsan',
    action: { type: 'approve', nodeId: 'n1', note: null },
    statuses: 'n1:active n2:pending',
    events: ['node.owner_approved'],
    check: (t) => expect(node(t, 'n1').owners.map((o) => o.decision)).toEqual(['approved', null]),
  },
  '会签: the last approval settles the node': {
    from: () =>
      run(countersign('all'), [['zhangsan', { type: 'approve', nodeId: 'n1', note: null }]]).task,
    by: 'lisi',
    action: { type: 'approve', nodeId: 'n1', note: null },
    statuses: 'n1:approved n2:active',
    events: ['node.owner_approved', 'node.approved', 'node.activated'],
  },
  '会签 on an action node: every owner completes': {
    from: () => countersign('all', 'action'),
    by: 'lisi',
    action: { type: 'complete', nodeId: 'n1', note: null },
    statuses: 'n1:active n2:pending',
    events: ['node.owner_done'],
  },
  '或签: the first approval settles the node': {
    from: () => countersign('any'),
    by: 'lisi',
    action: { type: 'approve', nodeId: 'n1', note: null },
    statuses: 'n1:approved n2:active',
    events: ['node.owner_approved', 'node.approved', 'node.activated'],
  },
  'reject sends the task back to the group before (rework, counted)': {
    from: atApproval,
    by: 'lisi',
    action: { type: 'reject', nodeId: 'n2', reason: '报价偏高' },
    now: at(hours(2)),
    statuses: 'n1:active n2:pending n3:pending n4:pending',
    events: ['node.owner_rejected', 'node.rejected', 'node.reworked'],
    effects: [
      { type: 'clear-node', nodeId: 'n2' },
      { type: 'clear-node', nodeId: 'n3' },
      notify('creator', 'rejected', 'n2', { by: 'lisi', reason: '报价偏高' }),
      { type: 'plan-node', nodeId: 'n1', deadlineVersion: 2 },
      notify('owners', 'reworked', 'n1', { by: 'lisi', reason: '报价偏高', aboutNodeId: 'n2' }),
      // 王五's parallel n3 was under way: he is told it waits for the rework.
      notify('owners', 'reset', 'n3', { by: 'lisi', reason: '报价偏高', aboutNodeId: 'n2' }),
    ],
    check: (t) => {
      expect(t.lastRejection).toEqual({
        nodeId: 'n2',
        by: 'lisi',
        reason: '报价偏高',
        at: at(hours(2)),
      });
      expect(node(t, 'n1')).toMatchObject({
        reworkCount: 1,
        deadlineVersion: 2,
        dueAt: at(hours(6)),
      });
      expect(node(t, 'n1').owners[0]?.decision).toBeNull();
      expect(node(t, 'n2').fields).toEqual({});
    },
  },
  '会签: one rejection rejects the node, even after another owner approved': {
    from: () =>
      run(
        aTask({
          nodes: [
            aNode({ id: 'n0' }),
            aNode({ id: 'n1', kind: 'approval', owners: ['lisi', 'wangwu'] }),
          ],
        }),
        [
          ['zhangsan', { type: 'complete', nodeId: 'n0', note: null }],
          ['wangwu', { type: 'approve', nodeId: 'n1', note: null }],
        ],
      ).task,
    by: 'lisi',
    action: { type: 'reject', nodeId: 'n1', reason: '预算不够' },
    statuses: 'n0:active n1:pending',
    events: ['node.owner_rejected', 'node.rejected', 'node.reworked'],
    check: (t) => expect(node(t, 'n1').owners.map((o) => o.decision)).toEqual([null, null]),
  },
  'reject with onReject close ends the task: open nodes cancelled, the rest skipped': {
    from: () =>
      run(aTask({ onReject: 'close' }), [
        ['zhangsan', { type: 'complete', nodeId: 'n1', note: null }],
      ]).task,
    by: 'lisi',
    action: { type: 'reject', nodeId: 'n2', reason: '不批' },
    statuses: 'n1:done n2:rejected n3:cancelled n4:skipped',
    events: ['node.owner_rejected', 'node.rejected', 'task.rejected'],
    effects: [
      { type: 'clear-node', nodeId: 'n3' },
      notify('creator', 'rejected', 'n2', { by: 'lisi', reason: '不批' }),
    ],
    check: (t) => expect(t).toMatchObject({ status: 'rejected', closedAt: T0 }),
  },
  'reject of the first node closes the task as rejected': {
    from: () => aTask({ nodes: [aNode({ id: 'n1', kind: 'approval' }), aNode({ id: 'n2' })] }),
    by: 'zhangsan',
    action: { type: 'reject', nodeId: 'n1', reason: '不需要' },
    statuses: 'n1:rejected n2:skipped',
    events: ['node.owner_rejected', 'node.rejected', 'task.rejected'],
    check: (t) => expect(t.status).toBe('rejected'),
  },
  'ack records the first response': {
    from: aTask,
    by: 'zhangsan',
    action: { type: 'ack', nodeId: 'n1' },
    now: at(hours(1)),
    events: ['node.acknowledged'],
    effects: [{ type: 'refresh-card' }],
    check: (t) => expect(node(t, 'n1').acknowledgedAt).toEqual(at(hours(1))),
  },
  'ack a second time records nothing': {
    from: () => run(aTask(), [['zhangsan', { type: 'ack', nodeId: 'n1' }]]).task,
    by: 'zhangsan',
    action: { type: 'ack', nodeId: 'n1' },
    now: at(hours(2)),
    events: [],
    check: (t) => expect(node(t, 'n1').acknowledgedAt).toEqual(T0),
  },
  'ack works on a paused node': {
    from: paused,
    by: 'zhangsan',
    action: { type: 'ack', nodeId: 'n1' },
    events: ['node.acknowledged'],
  },
  'nudge tells the owners': {
    from: aTask,
    by: 'zhengyi',
    action: { type: 'nudge', nodeId: 'n1', note: '明天就要用了' },
    events: ['node.nudged'],
    effects: [notify('owners', 'nudged', 'n1', { by: 'zhengyi', reason: '明天就要用了' })],
    check: (t) => expect(node(t, 'n1').lastNudgedAt).toEqual(T0),
  },
  'nudge again after 30 minutes': {
    from: () => run(aTask(), [['zhengyi', { type: 'nudge', nodeId: 'n1' }]]).task,
    by: 'zhengyi',
    action: { type: 'nudge', nodeId: 'n1' },
    now: at(hours(0.5)),
    events: ['node.nudged'],
  },
  'nudge by a follower': {
    from: () => aTask({ followers: ['outsider'] }),
    by: 'outsider',
    action: { type: 'nudge', nodeId: 'n1' },
    events: ['node.nudged'],
  },
  'transfer hands the owner’s place on and tells the new owner': {
    from: () => run(aTask(), [['zhangsan', { type: 'ack', nodeId: 'n1' }]]).task,
    by: 'zhangsan',
    action: { type: 'transfer', nodeId: 'n1', to: 'wangwu', reason: '出差' },
    events: ['node.transferred'],
    effects: [
      {
        ...notify('owners', 'transferred', 'n1', { by: 'zhangsan', reason: '出差' }),
        people: ['wangwu'],
      },
    ],
    check: (t) => {
      expect(node(t, 'n1').owners.map((o) => o.personId)).toEqual(['wangwu']);
      expect(node(t, 'n1').acknowledgedAt).toBeNull();
    },
  },
  'transfer by a coordinator replaces every owner still to decide': {
    from: () =>
      run(countersign('all'), [['zhangsan', { type: 'approve', nodeId: 'n1', note: null }]]).task,
    by: 'zhaoliu',
    action: { type: 'transfer', nodeId: 'n1', to: 'qianqi', reason: '李四休假' },
    events: ['node.transferred'],
    check: (t) =>
      expect(node(t, 'n1').owners.map((o) => [o.personId, o.decision])).toEqual([
        ['zhangsan', 'approved'],
        ['qianqi', null],
      ]),
  },
  'sendback reopens the target; later groups wait again': {
    from: atLast,
    by: 'qianqi',
    action: { type: 'sendback', nodeId: 'n4', targetNodeId: 'n1', reason: '数量不对' },
    statuses: 'n1:active n2:pending n3:pending n4:pending',
    events: ['node.sent_back', 'node.reworked'],
    effects: [
      { type: 'clear-node', nodeId: 'n4' },
      { type: 'plan-node', nodeId: 'n1', deadlineVersion: 2 },
      notify('owners', 'reworked', 'n1'),
    ],
    check: (t) => expect(node(t, 'n1').reworkCount).toBe(1),
  },
  'sendback to one node of a parallel group keeps its sibling’s result': {
    from: atLast,
    by: 'qianqi',
    action: { type: 'sendback', nodeId: 'n4', targetNodeId: 'n3', reason: '少了一项' },
    statuses: 'n1:done n2:approved n3:active n4:pending',
    events: ['node.sent_back', 'node.reworked'],
    check: (t) => expect([node(t, 'n2').reworkCount, node(t, 'n3').reworkCount]).toEqual([0, 1]),
  },
  'add-approver (加签) adds an owner who must approve too': {
    from: atApproval,
    by: 'lisi',
    action: { type: 'add-approver', nodeId: 'n2', personId: 'qianqi' },
    events: ['node.approver_added'],
    effects: [notify('owners', 'activated', 'n2')],
    check: (t) => expect(node(t, 'n2').owners.map((o) => o.personId)).toEqual(['lisi', 'qianqi']),
  },
  'add-followers (抄送) adds the new ones only': {
    from: () => aTask({ followers: ['wangwu'] }),
    by: 'zhengyi',
    action: { type: 'add-followers', people: ['wangwu', 'qianqi'], note: null },
    events: ['task.followers_added'],
    effects: [
      {
        ...notify('followers', 'copied', null, { by: 'zhengyi', reason: null }),
        people: ['qianqi'],
      },
    ],
    check: (t) => expect(t.followers).toEqual(['wangwu', 'qianqi']),
  },
  'add-followers names a person once however often written': {
    from: aTask,
    by: 'zhengyi',
    action: { type: 'add-followers', people: ['qianqi', 'qianqi'], note: null },
    events: ['task.followers_added'],
    check: (t) => expect(t.followers).toEqual(['qianqi']),
  },
  'add-followers of people already following records nothing': {
    from: () => aTask({ followers: ['wangwu'] }),
    by: 'zhangsan',
    action: { type: 'add-followers', people: ['wangwu'], note: null },
    events: [],
  },
  'pause stops the clock and tells coordination': {
    from: aTask,
    by: 'zhangsan',
    action: { type: 'pause', nodeId: 'n1', reason: '等配件' },
    now: at(hours(1)),
    statuses: 'n1:paused n2:pending n3:pending n4:pending',
    events: ['node.paused'],
    effects: [{ type: 'clear-node', nodeId: 'n1' }, notify('coordination', 'paused', 'n1')],
    check: (t) => expect(node(t, 'n1').pausedAt).toEqual(at(hours(1))),
  },
  'resume moves a wall-clock deadline by the paused span and re-plans': {
    from: paused,
    by: 'zhangsan',
    action: { type: 'resume', nodeId: 'n1' },
    now: at(hours(3)),
    statuses: 'n1:active n2:pending n3:pending n4:pending',
    events: ['node.resumed'],
    effects: [{ type: 'plan-node', nodeId: 'n1', deadlineVersion: 2 }],
    check: (t) =>
      expect(node(t, 'n1')).toMatchObject({
        dueAt: at(hours(6)),
        pausedAt: null,
        pausedTotalMs: hours(2),
        deadlineVersion: 2,
      }),
  },
  'request-extension asks the creator': {
    from: aTask,
    by: 'zhangsan',
    action: { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: '等报价' },
    events: ['node.extension_requested'],
    effects: [notify('creator', 'extension-requested', 'n1')],
    check: (t) =>
      expect(t.pendingExtension).toEqual({
        nodeId: 'n1',
        deadline: within(8),
        reason: '等报价',
        requestedBy: 'zhangsan',
        requestedAt: T0,
      }),
  },
  'decide-extension approved: new deadline, new plan, escalation reset': {
    from: () =>
      run(extensionAsked(), [
        [
          null,
          {
            type: 'ping',
            nodeId: 'n1',
            deadlineVersion: 1,
            kind: 'escalate',
            level: 1,
            notify: ['owner'],
          },
        ],
      ]).task,
    by: 'zhengyi',
    action: { type: 'decide-extension', approve: true },
    now: at(hours(5)),
    events: ['node.extension_approved'],
    effects: [
      { type: 'plan-node', nodeId: 'n1', deadlineVersion: 2 },
      notify('owners', 'extension-approved', 'n1'),
    ],
    check: (t) => {
      expect(t.pendingExtension).toBeNull();
      expect(node(t, 'n1')).toMatchObject({
        deadline: within(8),
        dueAt: at(hours(9)),
        deadlineVersion: 2,
        escalationLevel: 0,
      });
    },
  },
  'decide-extension approved while the node is paused: planned only on resume': {
    from: () =>
      run(extensionAsked(), [
        ['zhangsan', { type: 'pause', nodeId: 'n1', reason: 'x' }, at(hours(2))],
      ]).task,
    by: 'zhengyi',
    action: { type: 'decide-extension', approve: true },
    now: at(hours(3)),
    statuses: 'n1:paused n2:pending n3:pending n4:pending',
    events: ['node.extension_approved'],
    effects: [notify('owners', 'extension-approved', 'n1')],
    check: (t) => expect(node(t, 'n1')).toMatchObject({ dueAt: at(hours(9)), deadlineVersion: 2 }),
  },
  'decide-extension denied by a coordinator: the deadline stays': {
    from: extensionAsked,
    by: 'zhaoliu',
    action: { type: 'decide-extension', approve: false, reason: '活动不能再推迟' },
    events: ['node.extension_denied'],
    effects: [
      notify('owners', 'extension-denied', 'n1', { by: 'zhaoliu', reason: '活动不能再推迟' }),
    ],
    check: (t) => {
      expect(t.pendingExtension).toBeNull();
      expect(node(t, 'n1')).toMatchObject({ dueAt: at(hours(4)), deadlineVersion: 1 });
    },
  },
  'a pending extension is withdrawn when its node finishes': {
    from: extensionAsked,
    by: 'zhangsan',
    action: { type: 'complete', nodeId: 'n1', note: null },
    events: [
      'node.owner_done',
      'node.completed',
      'node.activated',
      'node.activated',
      'node.extension_withdrawn',
    ],
    check: (t) => expect(t.pendingExtension).toBeNull(),
  },
  'cancel by the creator: open nodes cancelled, the rest skipped': {
    from: atApproval,
    by: 'zhengyi',
    action: { type: 'cancel', reason: '需求取消' },
    now: at(hours(2)),
    statuses: 'n1:done n2:cancelled n3:cancelled n4:skipped',
    events: ['task.cancelled'],
    effects: [
      { type: 'clear-node', nodeId: 'n2' },
      { type: 'clear-node', nodeId: 'n3' },
      notify('followers', 'cancelled', null),
    ],
    check: (t) => expect(t).toMatchObject({ status: 'cancelled', closedAt: at(hours(2)) }),
  },
  'cancel by a coordinator also drops a pending extension': {
    from: extensionAsked,
    by: 'zhaoliu',
    action: { type: 'cancel', reason: null },
    statuses: 'n1:cancelled n2:skipped n3:skipped n4:skipped',
    events: ['task.cancelled'],
    check: (t) => expect(t.pendingExtension).toBeNull(),
  },
  'cancel of a paused node counts its paused time': {
    from: paused,
    by: 'zhengyi',
    action: { type: 'cancel', reason: null },
    now: at(hours(4)),
    events: ['task.cancelled'],
    check: (t) => expect(node(t, 'n1')).toMatchObject({ pausedAt: null, pausedTotalMs: hours(3) }),
  },
  'escalate (manual) raises a node to the coordination group': {
    from: aTask,
    by: 'zhangsan',
    action: { type: 'escalate', nodeId: 'n1', reason: '有分歧' },
    events: ['task.escalated'],
    effects: [
      notify('coordination', 'escalated', 'n1', { by: 'zhangsan', reason: '有分歧' }),
      // The requester hears of it when someone else raised it.
      notify('creator', 'escalated', 'n1', { by: 'zhangsan', reason: '有分歧' }),
    ],
  },
  'escalate (manual) the whole task': {
    from: aTask,
    by: 'zhengyi',
    action: { type: 'escalate', nodeId: null, reason: '拖太久' },
    events: ['task.escalated'],
    effects: [notify('coordination', 'escalated', null, { by: 'zhengyi', reason: '拖太久' })],
  },
};

describe('applyTaskAction: every transition', () => {
  it.each(Object.entries(TRANSITIONS))('%s', (_name, row) => {
    const before = row.from();
    const { task, events, effects } = run(before, [[row.by, row.action, row.now]]);
    expect(types(events)).toEqual(row.events);
    if (row.statuses) expect(statuses(task)).toBe(row.statuses);
    for (const effect of row.effects ?? []) expect(effects).toContainEqual(effect);
    row.check?.(task);
    expect(task.version).toBe(before.version + (events.length > 0 ? 1 : 0));
    if (events.length > 0) expect(effects.at(-1)).toEqual({ type: 'refresh-card' });
    else expect(effects).toEqual([]);
    for (const e of events) expect(e.actorId).toBe(row.by);
  });

  it('plans only active nodes', () => {
    for (const [, row] of Object.entries(TRANSITIONS)) {
      const { task, effects } = run(row.from(), [[row.by, row.action, row.now]]);
      for (const e of effects)
        if (e.type === 'plan-node') expect(node(task, e.nodeId).status).toBe('active');
    }
  });

  it('leaves its input untouched', () => {
    const before = atApproval();
    const snapshot = structuredClone(before);
    run(before, [['lisi', { type: 'reject', nodeId: 'n2', reason: 'x' }]]);
    expect(before).toEqual(snapshot);
  });

  it('records the note of a decision on the event and each note on the node', () => {
    const task = countersign('all', 'action');
    const { task: after, events } = run(task, [
      ['zhangsan', { type: 'complete', nodeId: 'n1', note: '已备货' }],
      ['lisi', { type: 'complete', nodeId: 'n1', note: '已签收' }],
    ]);
    expect(events[0]?.data).toEqual({ text: '已签收' });
    expect(node(after, 'n1').fields).toEqual({ 处理说明: '已备货\n已签收' });
  });

  it('a rejection reason goes to the event, not to the node fields', () => {
    const { events } = run(atApproval(), [
      ['lisi', { type: 'reject', nodeId: 'n2', reason: '太贵' }],
    ]);
    expect(events.find((e) => e.type === 'node.rejected')?.data).toEqual({ reason: '太贵' });
  });

  it('keeps the last rejection until the rejected node is settled again', () => {
    const rejected = run(atApproval(), [
      ['lisi', { type: 'reject', nodeId: 'n2', reason: '太贵' }],
      ['zhangsan', { type: 'complete', nodeId: 'n1', note: null }],
    ]).task;
    expect(rejected.lastRejection?.reason).toBe('太贵');
    const approved = run(rejected, [['lisi', { type: 'approve', nodeId: 'n2', note: null }]]).task;
    expect(approved.lastRejection).toBeNull();
  });

  it('rework twice counts twice', () => {
    const reject = (t: Task) =>
      run(run(t, [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task, [
        ['lisi', { type: 'reject', nodeId: 'n2', reason: 'x' }],
      ]).task;
    const twice = reject(reject(aTask()));
    expect(node(twice, 'n1')).toMatchObject({ reworkCount: 2, deadlineVersion: 3 });
  });
});
