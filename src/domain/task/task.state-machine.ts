import { assertExhaustive } from '../shared/assert-exhaustive.js';
import {
  addApprover,
  decideExtension,
  nudge,
  pause,
  requestExtension,
  resume,
  transfer,
} from './node-changes.js';
import { acknowledge, decide, sendBack } from './node-decisions.js';
import { closeOpenNodes } from './node-progress.models.js';
import type { TaskAction, TaskContext, TransitionResult } from './task.effects.js';
import { taskErrors } from './task.errors.js';
import type { Task, TaskNode } from './task.types.js';
import { assertInvolved, assertMayManageTask } from './task-permissions.policy.js';
import { isNodeOpen, nodeRef } from './task-status.models.js';
import { Transition } from './transition.models.js';

const CLOSED_TEXT: Record<Task['status'], string> = {
  open: '进行中',
  done: '完成',
  cancelled: '撤销',
  rejected: '被驳回关闭',
};

const NODE_STATE_TEXT: Record<TaskNode['status'], string> = {
  pending: '还没轮到',
  active: '进行中',
  paused: '已挂起',
  done: '已完成',
  approved: '已审批',
  rejected: '已驳回',
  cancelled: '已取消',
};

/**
 * The task state machine: one pure function from (task, action, context) to the new task, the
 * events to record and the effects to carry out. Refusals are DomainErrors with a polite Chinese
 * message naming who may act. A scheduler ping that no longer applies changes nothing.
 */
export function applyTaskAction(
  task: Task,
  action: TaskAction,
  ctx: TaskContext,
): TransitionResult {
  const t = new Transition(task, ctx);
  if (action.type === 'ping') {
    firePing(t, action);
    return t.result();
  }
  if (task.status !== 'open') throw taskErrors.closed(`#${task.number}`, CLOSED_TEXT[task.status]);
  switch (action.type) {
    case 'ack':
      acknowledge(t, openNode(t, action.nodeId));
      break;
    case 'complete':
      decide(t, activeNode(t, action.nodeId), 'done', action.note);
      break;
    case 'approve':
      decide(t, activeNode(t, action.nodeId), 'approved', action.note);
      break;
    case 'reject':
      decide(t, activeNode(t, action.nodeId), 'rejected', action.reason);
      break;
    case 'nudge':
      nudge(t, openNode(t, action.nodeId));
      break;
    case 'transfer':
      transfer(t, openNode(t, action.nodeId), action.to, action.reason);
      break;
    case 'sendback':
      sendBack(t, activeNode(t, action.nodeId), t.node(action.targetNodeId), action.reason);
      break;
    case 'add-approver':
      addApprover(t, openNode(t, action.nodeId), action.personId);
      break;
    case 'add-followers':
      addFollowers(t, action.people);
      break;
    case 'pause':
      pause(t, openNode(t, action.nodeId), action.reason);
      break;
    case 'resume':
      resume(t, openNode(t, action.nodeId));
      break;
    case 'request-extension':
      requestExtension(t, openNode(t, action.nodeId), action.deadline, action.reason);
      break;
    case 'decide-extension':
      decideExtension(t, action.approve);
      break;
    case 'cancel':
      cancel(t, action.reason);
      break;
    case 'escalate':
      escalate(t, action.nodeId, action.reason);
      break;
    default:
      assertExhaustive(action);
  }
  return t.result();
}

function openNode(t: Transition, nodeId: string): TaskNode {
  const node = t.node(nodeId);
  if (!isNodeOpen(node.status))
    throw taskErrors.nodeNotActive(nodeRef(t.task, node), NODE_STATE_TEXT[node.status]);
  return node;
}

/** Decisions need a running clock: a paused node is resumed first. */
function activeNode(t: Transition, nodeId: string): TaskNode {
  const node = openNode(t, nodeId);
  if (node.status !== 'active')
    throw taskErrors.nodeNotActive(nodeRef(t.task, node), NODE_STATE_TEXT[node.status]);
  return node;
}

function addFollowers(t: Transition, people: readonly string[]): void {
  assertInvolved(t.task, t.ctx, `给任务 #${t.task.number} 添加抄送`);
  const added = people.filter((p) => !t.task.followers.includes(p));
  if (added.length === 0) return;
  t.updateTask({ followers: [...t.task.followers, ...added] });
  t.event('task.followers_added', null, { people: added });
}

function cancel(t: Transition, reason: string | null): void {
  assertMayManageTask(t.task, t.ctx, `撤销任务 #${t.task.number}`);
  closeOpenNodes(t);
  t.updateTask({ status: 'cancelled', closedAt: t.ctx.now, pendingExtension: null });
  t.event('task.cancelled', null, { reason });
  t.effect({ type: 'notify', audience: 'followers', reason: 'cancelled', nodeId: null });
}

/** A person raises the task (or a dispute on one node) to the coordination group now. */
function escalate(t: Transition, nodeId: string | null, reason: string): void {
  assertInvolved(t.task, t.ctx, `升级任务 #${t.task.number}`);
  if (nodeId !== null) openNode(t, nodeId);
  t.event('task.escalated', nodeId, { reason, manual: true });
  t.effect({ type: 'notify', audience: 'coordination', reason: 'escalated', nodeId });
}

/** A scheduled ping: acts only if the node is still active at the deadline it was planned for. */
function firePing(t: Transition, ping: Extract<TaskAction, { type: 'ping' }>): void {
  const node = t.task.nodes.find((n) => n.id === ping.nodeId);
  const current =
    t.task.status === 'open' &&
    node?.status === 'active' &&
    node.deadlineVersion === ping.deadlineVersion;
  if (!node || !current) return;
  if (ping.kind === 'response-check' && node.acknowledgedAt) return;
  if (ping.kind === 'escalate' && ping.level > node.escalationLevel) {
    t.updateNode(node.id, { escalationLevel: ping.level });
  }
  t.event(
    `node.${ping.kind === 'escalate' ? 'escalated' : ping.kind === 'remind' ? 'reminded' : 'response_overdue'}`,
    node.id,
    {
      level: ping.level,
    },
  );
  t.effect({
    type: 'send-ping',
    nodeId: node.id,
    kind: ping.kind,
    level: ping.level,
    notify: ping.notify,
  });
}
