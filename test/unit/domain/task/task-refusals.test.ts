import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import type { TaskAction } from '../../../../src/domain/task/task.effects.js';
import type { Task } from '../../../../src/domain/task/task.types.js';
import { aNode, aTask, at, hours, run, within } from '../builders.js';

const atApproval = () =>
  run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task;
const pausedN1 = () =>
  run(aTask(), [['zhangsan', { type: 'pause', nodeId: 'n1', reason: 'x' }]]).task;
const asked = () =>
  run(aTask(), [
    ['zhangsan', { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' }],
  ]).task;
const countersigned = () =>
  run(
    aTask({
      nodes: [
        aNode({ id: 'n1', kind: 'approval', owners: ['zhangsan', 'lisi'] }),
        aNode({ id: 'n2' }),
      ],
    }),
    [['zhangsan', { type: 'approve', nodeId: 'n1', note: null }]],
  ).task;
const nudged = () => run(aTask(), [['zhengyi', { type: 'nudge', nodeId: 'n1' }]]).task;

type Row = [
  name: string,
  from: () => Task,
  by: string,
  action: TaskAction,
  code: string,
  message: RegExp,
  now?: Date,
];

const complete = (nodeId: string): TaskAction => ({ type: 'complete', nodeId, note: null });
const approve = (nodeId: string): TaskAction => ({ type: 'approve', nodeId, note: null });
const reject = (nodeId: string): TaskAction => ({ type: 'reject', nodeId, reason: 'x' });

const REFUSALS: Row[] = [
  // Who may act: polite, and naming who can.
  [
    'complete by another person',
    aTask,
    'lisi',
    complete('n1'),
    'task.forbidden',
    /^抱歉，只有负责人张三或协调人可以完成节点 #12\.1。$/,
  ],
  [
    'approve by another person',
    atApproval,
    'wangwu',
    approve('n2'),
    'task.forbidden',
    /只有负责人李四或协调人可以审批节点 #12\.2/,
  ],
  [
    'reject by another person',
    atApproval,
    'zhengyi',
    reject('n2'),
    'task.forbidden',
    /只有负责人李四或协调人可以驳回节点 #12\.2/,
  ],
  [
    'ack by another person',
    aTask,
    'lisi',
    { type: 'ack', nodeId: 'n1' },
    'task.forbidden',
    /只有负责人张三或协调人可以确认收到节点 #12\.1/,
  ],
  [
    'transfer by another person',
    aTask,
    'outsider',
    { type: 'transfer', nodeId: 'n1', to: 'lisi', reason: 'x' },
    'task.forbidden',
    /只有负责人张三或协调人可以转交节点 #12\.1/,
  ],
  [
    'sendback by another person',
    atApproval,
    'wangwu',
    { type: 'sendback', nodeId: 'n2', targetNodeId: 'n1', reason: 'x' },
    'task.forbidden',
    /只有负责人李四或协调人可以退回节点 #12\.2/,
  ],
  [
    'addsign by another person',
    atApproval,
    'wangwu',
    { type: 'add-approver', nodeId: 'n2', personId: 'qianqi' },
    'task.forbidden',
    /只有负责人李四或协调人可以给节点 #12\.2 加签/,
  ],
  [
    'pause by another person',
    aTask,
    'lisi',
    { type: 'pause', nodeId: 'n1', reason: 'x' },
    'task.forbidden',
    /只有负责人张三或协调人可以挂起节点 #12\.1/,
  ],
  [
    'resume by another person',
    pausedN1,
    'lisi',
    { type: 'resume', nodeId: 'n1' },
    'task.forbidden',
    /只有负责人张三或协调人可以恢复节点 #12\.1/,
  ],
  [
    'extension asked by another person',
    aTask,
    'zhengyi',
    { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' },
    'task.forbidden',
    /只有负责人张三或协调人可以为节点 #12\.1 申请延期/,
  ],
  [
    'extension decided by an owner',
    asked,
    'zhangsan',
    { type: 'decide-extension', approve: true },
    'task.forbidden',
    /只有发起人郑一或协调人可以审批任务 #12 的延期申请/,
  ],
  [
    'cancel by an owner',
    aTask,
    'zhangsan',
    { type: 'cancel', reason: null },
    'task.forbidden',
    /^抱歉，只有发起人郑一或协调人可以撤销任务 #12。$/,
  ],
  [
    'nudge by an outsider',
    aTask,
    'outsider',
    { type: 'nudge', nodeId: 'n1' },
    'task.forbidden',
    /只有任务的发起人、负责人、抄送人或协调人可以催办节点 #12\.1/,
  ],
  [
    'cc by an outsider',
    aTask,
    'outsider',
    { type: 'add-followers', people: ['lisi'], note: null },
    'task.forbidden',
    /可以给任务 #12 添加抄送/,
  ],
  [
    'escalate by an outsider',
    aTask,
    'outsider',
    { type: 'escalate', nodeId: null, reason: 'x' },
    'task.forbidden',
    /可以升级任务 #12/,
  ],
  // Which node: not yet, no longer, or paused.
  [
    'approve a pending node',
    aTask,
    'lisi',
    approve('n2'),
    'task.node_not_active',
    /节点 #12\.2 还没轮到/,
  ],
  [
    'complete a finished node',
    atApproval,
    'zhangsan',
    complete('n1'),
    'task.node_not_active',
    /节点 #12\.1 已完成/,
  ],
  [
    'nudge a pending node',
    aTask,
    'zhengyi',
    { type: 'nudge', nodeId: 'n4' },
    'task.node_not_active',
    /还没轮到/,
  ],
  [
    'escalate a finished node',
    atApproval,
    'zhengyi',
    { type: 'escalate', nodeId: 'n1', reason: 'x' },
    'task.node_not_active',
    /已完成/,
  ],
  [
    'complete a paused node',
    pausedN1,
    'zhangsan',
    complete('n1'),
    'task.node_not_active',
    /节点 #12\.1 已挂起（请先恢复）/,
  ],
  [
    'ask an extension for a paused node',
    pausedN1,
    'zhangsan',
    { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' },
    'task.node_not_active',
    /已挂起/,
  ],
  [
    'an unknown node',
    aTask,
    'zhangsan',
    complete('nx'),
    'task.node_not_found',
    /任务 #12 里没有这个节点/,
  ],
  [
    'sendback to an unknown node',
    atApproval,
    'lisi',
    { type: 'sendback', nodeId: 'n2', targetNodeId: 'nx', reason: 'x' },
    'task.node_not_found',
    /没有这个节点/,
  ],
  // Which command fits the node.
  [
    'complete an approval node',
    atApproval,
    'lisi',
    complete('n2'),
    'task.is_approval',
    /节点 #12\.2 是审批节点，请用 \/同意 或 \/驳回/,
  ],
  [
    'approve an action node',
    aTask,
    'zhangsan',
    approve('n1'),
    'task.not_approval',
    /节点 #12\.1 不是审批节点，请用 \/完成/,
  ],
  ['reject an action node', aTask, 'zhangsan', reject('n1'), 'task.not_approval', /不是审批节点/],
  [
    'addsign on an action node',
    atApproval,
    'wangwu',
    { type: 'add-approver', nodeId: 'n3', personId: 'qianqi' },
    'task.not_approval',
    /不是审批节点/,
  ],
  // Already so.
  [
    'one owner deciding twice',
    countersigned,
    'zhangsan',
    approve('n1'),
    'task.already_decided',
    /你已经处理过节点 #12\.1 了，正在等其他负责人/,
  ],
  [
    'transfer to an owner',
    aTask,
    'zhangsan',
    { type: 'transfer', nodeId: 'n1', to: 'zhangsan', reason: 'x' },
    'task.already_owner',
    /张三 已经是节点 #12\.1 的负责人了/,
  ],
  [
    'addsign an owner',
    atApproval,
    'lisi',
    { type: 'add-approver', nodeId: 'n2', personId: 'lisi' },
    'task.already_owner',
    /李四 已经是节点 #12\.2 的负责人了/,
  ],
  [
    'nudge again within 30 minutes',
    nudged,
    'zhengyi',
    { type: 'nudge', nodeId: 'n1' },
    'task.nudged_recently',
    /节点 #12\.1 刚催办过，请 15 分钟后再催/,
    at(hours(0.25)),
  ],
  [
    'pause a paused node',
    pausedN1,
    'zhangsan',
    { type: 'pause', nodeId: 'n1', reason: 'x' },
    'task.already_paused',
    /节点 #12\.1 已经挂起了/,
  ],
  [
    'resume a running node',
    aTask,
    'zhangsan',
    { type: 'resume', nodeId: 'n1' },
    'task.not_paused',
    /节点 #12\.1 没有挂起/,
  ],
  // Sendback targets.
  [
    'sendback to a later node',
    atApproval,
    'lisi',
    { type: 'sendback', nodeId: 'n2', targetNodeId: 'n4', reason: 'x' },
    'task.sendback_target',
    /只能退回到当前节点之前已完成的节点，#12\.4 不行/,
  ],
  [
    'sendback within the group',
    atApproval,
    'lisi',
    { type: 'sendback', nodeId: 'n2', targetNodeId: 'n3', reason: 'x' },
    'task.sendback_target',
    /#12\.3 不行/,
  ],
  [
    'sendback to itself',
    atApproval,
    'lisi',
    { type: 'sendback', nodeId: 'n2', targetNodeId: 'n2', reason: 'x' },
    'task.sendback_target',
    /#12\.2 不行/,
  ],
  // Extensions.
  [
    'decide an extension nobody asked for',
    aTask,
    'zhengyi',
    { type: 'decide-extension', approve: true },
    'task.no_extension',
    /任务 #12 没有待审批的延期申请/,
  ],
  [
    'a second extension request',
    asked,
    'zhangsan',
    { type: 'request-extension', nodeId: 'n1', deadline: within(9), reason: 'y' },
    'task.extension_pending',
    /任务 #12 已有一个延期申请在等审批/,
  ],
  [
    'an extension that is not later',
    aTask,
    'zhangsan',
    { type: 'request-extension', nodeId: 'n1', deadline: within(1), reason: 'x' },
    'task.deadline_not_later',
    /新的截止时间要晚于节点 #12\.1 现在的截止时间/,
  ],
];

describe('applyTaskAction: every refusal', () => {
  it.each(REFUSALS)('%s', (_name, from, by, action, code, message, now) => {
    const task = from();
    let error: unknown;
    try {
      run(task, [[by, action, now]]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).userMessage).toMatch(message);
  });
});

const CLOSED: [string, () => Task, RegExp][] = [
  [
    'cancelled',
    () => run(aTask(), [['zhengyi', { type: 'cancel', reason: null }]]).task,
    /任务 #12 已撤销，不能再操作/,
  ],
  [
    'rejected',
    () =>
      run(aTask({ nodes: [aNode({ id: 'n1', kind: 'approval' })] }), [
        ['zhangsan', { type: 'reject', nodeId: 'n1', reason: 'x' }],
      ]).task,
    /任务 #12 已被驳回关闭/,
  ],
  [
    'done',
    () =>
      run(aTask({ nodes: [aNode({ id: 'n1' })] }), [
        ['zhangsan', { type: 'complete', nodeId: 'n1', note: null }],
      ]).task,
    /任务 #12 已完成，不能再操作/,
  ],
];
const ACTIONS: TaskAction[] = [
  { type: 'ack', nodeId: 'n1' },
  { type: 'complete', nodeId: 'n1', note: null },
  { type: 'nudge', nodeId: 'n1' },
  { type: 'add-followers', people: ['lisi'], note: null },
  { type: 'cancel', reason: null },
  { type: 'escalate', nodeId: null, reason: 'x' },
  { type: 'decide-extension', approve: false },
];

describe('a closed task refuses every person action, even a coordinator’s', () => {
  it.each(
    CLOSED.flatMap(([status, from, message]) =>
      ACTIONS.map((a) => [status, a.type, a, from, message] as const),
    ),
  )('%s task, %s', (_status, _type, action, from, message) => {
    const task = from();
    expect(() => run(task, [['zhaoliu', action]])).toThrow(message);
    expect(() => run(task, [['zhaoliu', action]])).toThrow(DomainError);
  });
});
