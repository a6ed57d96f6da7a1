import { describe, expect, it } from 'vitest';
import type { TaskAction } from '../../../../src/domain/task/task.effects.js';
import { createTask } from '../../../../src/domain/task/task.factory.js';
import { applyTaskAction } from '../../../../src/domain/task/task.state-machine.js';
import { aNewTask, aNode, aTask, at, ctx, hours, run, statuses, T0, within } from '../builders.js';

const types = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('creating a task', () => {
  it('starts the first group: deadline pinned, pings planned, owners told', () => {
    const { task, events, effects } = createTask(aNewTask(), ctx('zhengyi'));
    expect(statuses(task)).toBe('n1:active n2:pending n3:pending n4:pending');
    expect(task.nodes.map((n) => n.parallelGroup)).toEqual([1, 2, 2, 3]);
    expect(task.nodes[0]).toMatchObject({
      dueAt: at(hours(4)),
      deadlineVersion: 1,
      activatedAt: T0,
    });
    expect(types(events)).toEqual(['task.created', 'node.activated']);
    expect(effects).toEqual([
      { type: 'plan-node', nodeId: 'n1' },
      { type: 'notify', audience: 'owners', reason: 'activated', nodeId: 'n1' },
      { type: 'refresh-card' },
    ]);
  });

  it('de-duplicates owners and starts parallel first groups together', () => {
    const { task } = createTask(
      aNewTask({
        nodes: [
          aNode({ id: 'a', owners: ['zhangsan', 'zhangsan'] }),
          aNode({ id: 'b', parallel: true }),
        ],
      }),
      ctx('zhengyi'),
    );
    expect(statuses(task)).toBe('a:active b:active');
    expect(task.nodes[0]?.owners).toHaveLength(1);
  });
});

describe('passing the baton', () => {
  it('done on n1 activates the parallel group n2 ∥ n3', () => {
    const { task, events, effects } = run(aTask(), [
      ['zhangsan', { type: 'complete', nodeId: 'n1', note: '已联系' }, at(hours(1))],
    ]);
    expect(statuses(task)).toBe('n1:done n2:active n3:active n4:pending');
    expect(types(events)).toEqual([
      'node.owner_done',
      'node.completed',
      'node.activated',
      'node.activated',
    ]);
    expect(events[0]?.data).toEqual({ text: '已联系' });
    expect(effects).toContainEqual({ type: 'clear-node', nodeId: 'n1' });
    expect(effects).toContainEqual({ type: 'plan-node', nodeId: 'n2' });
    expect(task.nodes[1]?.dueAt).toEqual(at(hours(5)));
  });

  it('waits for every node of a parallel group, then the next, then closes the task', () => {
    const result = run(aTask(), [
      ['zhangsan', { type: 'complete', nodeId: 'n1', note: null }],
      ['lisi', { type: 'approve', nodeId: 'n2', note: null }],
    ]);
    expect(statuses(result.task)).toBe('n1:done n2:approved n3:active n4:pending');
    const last = run(result.task, [
      ['wangwu', { type: 'complete', nodeId: 'n3', note: null }],
      ['qianqi', { type: 'complete', nodeId: 'n4', note: null }],
    ]);
    expect(last.task.status).toBe('done');
    expect(last.task.closedAt).toEqual(T0);
    expect(types(last.events)).toEqual(['node.owner_done', 'node.completed', 'task.done']);
    expect(last.effects).toContainEqual({ type: 'request-rating' });
    expect(last.effects).toContainEqual({
      type: 'notify',
      audience: 'creator',
      reason: 'done',
      nodeId: null,
    });
  });

  it('a coordinator may act on any node', () => {
    const { task } = run(aTask(), [['zhaoliu', { type: 'complete', nodeId: 'n1', note: null }]]);
    expect(task.nodes[0]?.status).toBe('done');
  });
});

describe('several owners', () => {
  const countersign = (signMode: 'all' | 'any') =>
    aTask({
      nodes: [
        aNode({ id: 'n1', kind: 'approval', owners: ['zhangsan', 'lisi'], signMode }),
        aNode({ id: 'n2' }),
      ],
    });

  it('会签 waits for every owner', () => {
    const first = run(countersign('all'), [
      ['zhangsan', { type: 'approve', nodeId: 'n1', note: null }],
    ]);
    expect(first.task.nodes[0]?.status).toBe('active');
    expect(types(first.events)).toEqual(['node.owner_approved']);
    const second = run(first.task, [['lisi', { type: 'approve', nodeId: 'n1', note: null }]]);
    expect(statuses(second.task)).toBe('n1:approved n2:active');
  });

  it('或签 is settled by the first', () => {
    const { task } = run(countersign('any'), [
      ['lisi', { type: 'approve', nodeId: 'n1', note: null }],
    ]);
    expect(statuses(task)).toBe('n1:approved n2:active');
  });

  it('one owner cannot decide twice', () => {
    const first = run(countersign('all'), [
      ['zhangsan', { type: 'approve', nodeId: 'n1', note: null }],
    ]);
    expect(() =>
      run(first.task, [['zhangsan', { type: 'approve', nodeId: 'n1', note: null }]]),
    ).toThrow(/已经处理过/);
  });
});

describe('rejection and rework', () => {
  const atApproval = () =>
    run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task;

  it('sends the task back to the group before, counting rework', () => {
    const { task, events, effects } = run(atApproval(), [
      ['lisi', { type: 'reject', nodeId: 'n2', reason: '报价偏高' }, at(hours(2))],
    ]);
    expect(statuses(task)).toBe('n1:active n2:pending n3:pending n4:pending');
    expect(task.nodes[0]).toMatchObject({
      reworkCount: 1,
      deadlineVersion: 2,
      dueAt: at(hours(6)),
    });
    expect(types(events)).toEqual(['node.owner_rejected', 'node.rejected', 'node.reworked']);
    expect(effects).toContainEqual({ type: 'clear-node', nodeId: 'n3' });
    expect(effects).toContainEqual({
      type: 'notify',
      audience: 'owners',
      reason: 'reworked',
      nodeId: 'n1',
    });
    expect(effects).toContainEqual({
      type: 'notify',
      audience: 'creator',
      reason: 'rejected',
      nodeId: 'n2',
    });
  });

  it('closes the task when the template says so', () => {
    const task = run(aTask({ onReject: 'close' }), [
      ['zhangsan', { type: 'complete', nodeId: 'n1', note: null }],
    ]).task;
    const result = run(task, [['lisi', { type: 'reject', nodeId: 'n2', reason: '不批' }]]);
    expect(result.task.status).toBe('rejected');
    expect(statuses(result.task)).toBe('n1:done n2:rejected n3:cancelled n4:cancelled');
  });

  it('closes the task when the first node is rejected', () => {
    const task = aTask({ nodes: [aNode({ id: 'n1', kind: 'approval' }), aNode({ id: 'n2' })] });
    const result = run(task, [['zhangsan', { type: 'reject', nodeId: 'n1', reason: '不需要' }]]);
    expect(result.task.status).toBe('rejected');
  });

  it('/退回 reopens an earlier finished node and everything after it', () => {
    const task = run(aTask(), [
      ['zhangsan', { type: 'complete', nodeId: 'n1', note: null }],
      ['lisi', { type: 'approve', nodeId: 'n2', note: null }],
      ['wangwu', { type: 'complete', nodeId: 'n3', note: null }],
    ]).task;
    const result = run(task, [
      ['qianqi', { type: 'sendback', nodeId: 'n4', targetNodeId: 'n1', reason: '数量不对' }],
    ]);
    expect(statuses(result.task)).toBe('n1:active n2:pending n3:pending n4:pending');
    expect(types(result.events)).toEqual(['node.sent_back', 'node.reworked']);
  });

  it.each([
    ['to a later node', 'n4'],
    ['to a node of the same group', 'n3'],
    ['to itself', 'n2'],
  ])('/退回 refuses %s', (_name, target) => {
    const task = run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task;
    const action: TaskAction = {
      type: 'sendback',
      nodeId: 'n2',
      targetNodeId: target,
      reason: 'x',
    };
    expect(() => run(task, [['lisi', action]])).toThrow(/只能退回到当前节点之前已完成的节点/);
  });
});

describe('changes to a running node', () => {
  it('/收到 records the first response once', () => {
    const first = run(aTask(), [['zhangsan', { type: 'ack', nodeId: 'n1' }, at(hours(1))]]);
    expect(first.task.nodes[0]?.acknowledgedAt).toEqual(at(hours(1)));
    const again = run(first.task, [['zhangsan', { type: 'ack', nodeId: 'n1' }, at(hours(2))]]);
    expect(again.events).toEqual([]);
    expect(again.task.nodes[0]?.acknowledgedAt).toEqual(at(hours(1)));
  });

  it('/催办 tells the owners, at most every 30 minutes', () => {
    const first = run(aTask(), [['zhengyi', { type: 'nudge', nodeId: 'n1' }]]);
    expect(first.effects).toContainEqual({
      type: 'notify',
      audience: 'owners',
      reason: 'nudged',
      nodeId: 'n1',
    });
    expect(() =>
      run(first.task, [['zhengyi', { type: 'nudge', nodeId: 'n1' }, at(hours(0.25))]]),
    ).toThrow(/15 分钟后/);
    expect(
      run(first.task, [['zhengyi', { type: 'nudge', nodeId: 'n1' }, at(hours(0.5))]]).events,
    ).toHaveLength(1);
  });

  it('/转交 replaces the owner and tells the new one', () => {
    const { task, events } = run(aTask(), [
      ['zhangsan', { type: 'transfer', nodeId: 'n1', to: 'wangwu', reason: '出差' }],
    ]);
    expect(task.nodes[0]?.owners.map((o) => o.personId)).toEqual(['wangwu']);
    expect(events[0]).toMatchObject({
      type: 'node.transferred',
      data: { from: 'zhangsan', to: 'wangwu', reason: '出差' },
    });
  });

  it('/加签 adds an approver who must then approve too', () => {
    const task = run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task;
    const added = run(task, [['lisi', { type: 'add-approver', nodeId: 'n2', personId: 'qianqi' }]]);
    expect(added.task.nodes[1]?.owners.map((o) => o.personId)).toEqual(['lisi', 'qianqi']);
    const approved = run(added.task, [['lisi', { type: 'approve', nodeId: 'n2', note: null }]]);
    expect(approved.task.nodes[1]?.status).toBe('active');
  });

  it('/挂起 then /恢复 moves the deadline by the paused time', () => {
    const paused = run(aTask(), [
      ['zhangsan', { type: 'pause', nodeId: 'n1', reason: '等配件' }, at(hours(1))],
    ]);
    expect(paused.task.nodes[0]?.status).toBe('paused');
    expect(paused.effects).toContainEqual({ type: 'clear-node', nodeId: 'n1' });
    expect(paused.effects).toContainEqual({
      type: 'notify',
      audience: 'coordination',
      reason: 'paused',
      nodeId: 'n1',
    });
    const resumed = run(paused.task, [
      ['zhangsan', { type: 'resume', nodeId: 'n1' }, at(hours(3))],
    ]);
    expect(resumed.task.nodes[0]).toMatchObject({
      status: 'active',
      dueAt: at(hours(6)),
      deadlineVersion: 2,
    });
    expect(resumed.effects).toContainEqual({ type: 'plan-node', nodeId: 'n1' });
  });

  it('/延期 asks the creator, who approves it: the node is re-planned', () => {
    const asked = run(aTask(), [
      [
        'zhangsan',
        { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: '等报价' },
      ],
    ]);
    expect(asked.task.pendingExtension).toMatchObject({
      nodeId: 'n1',
      reason: '等报价',
      requestedBy: 'zhangsan',
    });
    expect(asked.effects).toContainEqual({
      type: 'notify',
      audience: 'creator',
      reason: 'extension-requested',
      nodeId: 'n1',
    });
    const approved = run(asked.task, [['zhengyi', { type: 'decide-extension', approve: true }]]);
    expect(approved.task.pendingExtension).toBeNull();
    expect(approved.task.nodes[0]).toMatchObject({
      dueAt: at(hours(8)),
      deadlineVersion: 2,
      escalationLevel: 0,
    });
    expect(approved.effects).toContainEqual({ type: 'plan-node', nodeId: 'n1' });
  });

  it('a denied extension leaves the deadline alone', () => {
    const asked = run(aTask(), [
      ['zhangsan', { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' }],
    ]);
    const denied = run(asked.task, [['zhaoliu', { type: 'decide-extension', approve: false }]]);
    expect(denied.task.nodes[0]).toMatchObject({ dueAt: at(hours(4)), deadlineVersion: 1 });
    expect(types(denied.events)).toEqual(['node.extension_denied']);
  });

  it('/抄送 adds followers once', () => {
    const first = run(aTask(), [
      ['zhengyi', { type: 'add-followers', people: ['wangwu', 'qianqi'] }],
    ]);
    const again = run(first.task, [['zhangsan', { type: 'add-followers', people: ['wangwu'] }]]);
    expect(again.task.followers).toEqual(['wangwu', 'qianqi']);
    expect(again.events).toEqual([]);
  });

  it('/撤销 closes every open node', () => {
    const { task, effects } = run(aTask(), [['zhengyi', { type: 'cancel', reason: '需求取消' }]]);
    expect(task.status).toBe('cancelled');
    expect(statuses(task)).toBe('n1:cancelled n2:cancelled n3:cancelled n4:cancelled');
    expect(effects).toContainEqual({ type: 'clear-node', nodeId: 'n1' });
  });

  it('/升级 raises the task to the coordination group', () => {
    const { effects, events } = run(aTask(), [
      ['zhangsan', { type: 'escalate', nodeId: 'n1', reason: '有分歧' }],
    ]);
    expect(events[0]).toMatchObject({
      type: 'task.escalated',
      data: { reason: '有分歧', manual: true },
    });
    expect(effects).toContainEqual({
      type: 'notify',
      audience: 'coordination',
      reason: 'escalated',
      nodeId: 'n1',
    });
  });
});

describe('scheduled pings', () => {
  it('an escalation step raises the level and asks for the ladder pings', () => {
    const { task, effects } = run(aTask(), [
      [
        null,
        {
          type: 'ping',
          nodeId: 'n1',
          deadlineVersion: 1,
          kind: 'escalate',
          level: 2,
          notify: ['owner'],
        },
      ],
    ]);
    expect(task.nodes[0]?.escalationLevel).toBe(2);
    expect(effects).toContainEqual({
      type: 'send-ping',
      nodeId: 'n1',
      kind: 'escalate',
      level: 2,
      notify: ['owner'],
    });
  });

  it.each<[string, TaskAction, string | null]>([
    [
      'a stale deadline version',
      {
        type: 'ping',
        nodeId: 'n1',
        deadlineVersion: 0,
        kind: 'remind',
        level: 0,
        notify: ['owner'],
      },
      null,
    ],
    [
      'a node not active',
      {
        type: 'ping',
        nodeId: 'n2',
        deadlineVersion: 0,
        kind: 'remind',
        level: 0,
        notify: ['owner'],
      },
      null,
    ],
    [
      'an unknown node',
      {
        type: 'ping',
        nodeId: 'nx',
        deadlineVersion: 1,
        kind: 'remind',
        level: 0,
        notify: ['owner'],
      },
      null,
    ],
    [
      'a response check after /收到',
      {
        type: 'ping',
        nodeId: 'n1',
        deadlineVersion: 1,
        kind: 'response-check',
        level: 0,
        notify: ['owner'],
      },
      'ack',
    ],
  ])('does nothing for %s', (_name, action, before) => {
    const task = before
      ? run(aTask(), [['zhangsan', { type: 'ack', nodeId: 'n1' }]]).task
      : aTask();
    const result = applyTaskAction(task, action, ctx(null));
    expect(result.events).toEqual([]);
    expect(result.effects).toEqual([]);
    expect(result.task).toBe(task);
  });

  it('does nothing once the task is closed', () => {
    const task = run(aTask(), [['zhengyi', { type: 'cancel', reason: null }]]).task;
    expect(
      applyTaskAction(
        task,
        {
          type: 'ping',
          nodeId: 'n1',
          deadlineVersion: 1,
          kind: 'remind',
          level: 0,
          notify: ['owner'],
        },
        ctx(null),
      ).events,
    ).toEqual([]);
  });
});

describe('refusals name who may act', () => {
  const atApproval = () =>
    run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task;
  it.each<[string, string, TaskAction, RegExp]>([
    [
      'done by another',
      'lisi',
      { type: 'complete', nodeId: 'n1', note: null },
      /只有负责人张三或协调人可以完成节点 #12\.1/,
    ],
    ['ack by another', 'lisi', { type: 'ack', nodeId: 'n1' }, /负责人张三或协调人/],
    [
      'transfer by another',
      'outsider',
      { type: 'transfer', nodeId: 'n1', to: 'lisi', reason: 'x' },
      /负责人张三/,
    ],
    ['pause by another', 'lisi', { type: 'pause', nodeId: 'n1', reason: 'x' }, /负责人张三/],
    [
      'extension by another',
      'lisi',
      { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' },
      /负责人张三/,
    ],
    [
      'cancel by an owner',
      'zhangsan',
      { type: 'cancel', reason: null },
      /只有发起人郑一或协调人可以撤销任务 #12/,
    ],
    [
      'nudge by an outsider',
      'outsider',
      { type: 'nudge', nodeId: 'n1' },
      /发起人、负责人、抄送人或协调人/,
    ],
    [
      'cc by an outsider',
      'outsider',
      { type: 'add-followers', people: ['lisi'] },
      /发起人、负责人/,
    ],
    [
      'escalate by an outsider',
      'outsider',
      { type: 'escalate', nodeId: null, reason: 'x' },
      /发起人、负责人/,
    ],
    ['done on a pending node', 'lisi', { type: 'approve', nodeId: 'n2', note: null }, /还没轮到/],
    [
      'approve on an action node',
      'zhangsan',
      { type: 'approve', nodeId: 'n1', note: null },
      /不是审批节点/,
    ],
    [
      'reject on an action node',
      'zhangsan',
      { type: 'reject', nodeId: 'n1', reason: 'x' },
      /不是审批节点/,
    ],
    ['resume a running node', 'zhangsan', { type: 'resume', nodeId: 'n1' }, /没有挂起/],
    [
      'decide an extension nobody asked for',
      'zhengyi',
      { type: 'decide-extension', approve: true },
      /没有待审批的延期申请/,
    ],
    [
      'an extension that is not later',
      'zhangsan',
      { type: 'request-extension', nodeId: 'n1', deadline: within(1), reason: 'x' },
      /要晚于/,
    ],
    [
      'transfer to an owner',
      'zhangsan',
      { type: 'transfer', nodeId: 'n1', to: 'zhangsan', reason: 'x' },
      /已经是节点 #12\.1 的负责人/,
    ],
  ])('%s', (_name, actor, action, message) => {
    expect(() => run(aTask(), [[actor, action]])).toThrow(message);
  });

  it.each<[string, string, TaskAction, RegExp]>([
    [
      'complete on an approval node',
      'lisi',
      { type: 'complete', nodeId: 'n2', note: null },
      /是审批节点/,
    ],
    [
      'addsign by another',
      'wangwu',
      { type: 'add-approver', nodeId: 'n2', personId: 'qianqi' },
      /负责人李四/,
    ],
    [
      'addsign on an action node',
      'wangwu',
      { type: 'add-approver', nodeId: 'n3', personId: 'qianqi' },
      /不是审批节点/,
    ],
    [
      'approve on a finished node',
      'zhangsan',
      { type: 'complete', nodeId: 'n1', note: null },
      /已完成/,
    ],
  ])('%s', (_name, actor, action, message) => {
    expect(() => run(atApproval(), [[actor, action]])).toThrow(message);
  });

  it('anything on a closed task', () => {
    const task = run(aTask(), [['zhengyi', { type: 'cancel', reason: null }]]).task;
    expect(() => run(task, [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]])).toThrow(
      /已撤销/,
    );
  });

  it('a paused node must be resumed before a decision', () => {
    const task = run(aTask(), [['zhangsan', { type: 'pause', nodeId: 'n1', reason: 'x' }]]).task;
    expect(() => run(task, [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]])).toThrow(
      /已挂起/,
    );
    expect(() => run(task, [['zhangsan', { type: 'pause', nodeId: 'n1', reason: 'x' }]])).toThrow(
      /已经挂起/,
    );
  });

  it('a second extension waits for the first', () => {
    const task = run(aTask(), [
      ['zhangsan', { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' }],
    ]).task;
    expect(() =>
      run(task, [
        ['zhangsan', { type: 'request-extension', nodeId: 'n1', deadline: within(9), reason: 'y' }],
      ]),
    ).toThrow(/已有一个延期申请/);
  });
});
