import { resolveDeadline } from '../deadline/deadline.resolver.js';
import type { DeadlineSpec } from '../deadline/deadline.types.js';
import { taskErrors } from './task.errors.js';
import type { TaskNode } from './task.types.js';
import {
  assertInvolved,
  assertMayActOnNode,
  assertMayManageTask,
  isOwner,
} from './task-permissions.policy.js';
import { nodeRef } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/** Nudges of one node are at least this far apart, so 催办 cannot be used to spam. */
export const NUDGE_INTERVAL_MS = 30 * 60_000;

export function nudge(t: Transition, node: TaskNode): void {
  const ref = nodeRef(t.task, node);
  assertInvolved(t.task, t.ctx, `催办节点 ${ref}`);
  const since = node.lastNudgedAt ? t.ctx.now.getTime() - node.lastNudgedAt.getTime() : Infinity;
  if (since < NUDGE_INTERVAL_MS) {
    throw taskErrors.nudgedRecently(ref, Math.ceil((NUDGE_INTERVAL_MS - since) / 60_000));
  }
  t.updateNode(node.id, { lastNudgedAt: t.ctx.now });
  t.event('node.nudged', node.id);
  t.effect({ type: 'notify', audience: 'owners', reason: 'nudged', nodeId: node.id });
}

/** Hands the actor's place on the node (a coordinator: every undecided place) to someone else. */
export function transfer(t: Transition, node: TaskNode, to: string, reason: string): void {
  const ref = nodeRef(t.task, node);
  const actor = assertMayActOnNode(node, t.ctx, `转交节点 ${ref}`);
  if (isOwner(node, to)) throw taskErrors.alreadyOwner(t.ctx.nameOf(to), ref);
  const replaces = (personId: string, decided: boolean) =>
    isOwner(node, actor.personId) ? personId === actor.personId : !decided;
  const owners = node.owners.map((o) =>
    replaces(o.personId, o.decision !== null)
      ? { personId: to, decision: null, decidedAt: null }
      : o,
  );
  const unique = owners.filter((o, i) => owners.findIndex((p) => p.personId === o.personId) === i);
  t.updateNode(node.id, { owners: unique, acknowledgedAt: null });
  t.event('node.transferred', node.id, { from: actor.personId, to, reason });
  t.effect({ type: 'notify', audience: 'owners', reason: 'transferred', nodeId: node.id });
}

/** 加签: one more approver on an approval node (all must then approve under 会签). */
export function addApprover(t: Transition, node: TaskNode, personId: string): void {
  const ref = nodeRef(t.task, node);
  assertMayActOnNode(node, t.ctx, `给节点 ${ref} 加签`);
  if (node.kind !== 'approval') throw taskErrors.notApproval(ref);
  if (isOwner(node, personId)) throw taskErrors.alreadyOwner(t.ctx.nameOf(personId), ref);
  t.updateNode(node.id, {
    owners: [...node.owners, { personId, decision: null, decidedAt: null }],
  });
  t.event('node.approver_added', node.id, { personId });
  t.effect({ type: 'notify', audience: 'owners', reason: 'activated', nodeId: node.id });
}

/** Stops the node's clock while it waits on someone outside; the coordinator is told. */
export function pause(t: Transition, node: TaskNode, reason: string): void {
  const ref = nodeRef(t.task, node);
  assertMayActOnNode(node, t.ctx, `挂起节点 ${ref}`);
  if (node.status === 'paused') throw taskErrors.alreadyPaused(ref);
  t.updateNode(node.id, { status: 'paused', pausedAt: t.ctx.now });
  t.event('node.paused', node.id, { reason });
  t.effect({ type: 'clear-node', nodeId: node.id });
  t.effect({ type: 'notify', audience: 'coordination', reason: 'paused', nodeId: node.id });
}

/** Restarts the clock: the deadline moves later by the (wall-clock) time spent paused. */
export function resume(t: Transition, node: TaskNode): void {
  const ref = nodeRef(t.task, node);
  assertMayActOnNode(node, t.ctx, `恢复节点 ${ref}`);
  if (node.status !== 'paused' || !node.pausedAt) throw taskErrors.notPaused(ref);
  const pausedMs = t.ctx.now.getTime() - node.pausedAt.getTime();
  const dueAt = node.dueAt ? new Date(node.dueAt.getTime() + pausedMs) : null;
  t.updateNode(node.id, {
    status: 'active',
    pausedAt: null,
    dueAt,
    deadlineVersion: node.deadlineVersion + 1,
  });
  t.event('node.resumed', node.id, { pausedMs, dueAt: dueAt?.toISOString() ?? null });
  t.effect({ type: 'plan-node', nodeId: node.id });
}

export function requestExtension(
  t: Transition,
  node: TaskNode,
  deadline: DeadlineSpec,
  reason: string,
): void {
  const ref = nodeRef(t.task, node);
  const actor = assertMayActOnNode(node, t.ctx, `为节点 ${ref} 申请延期`);
  if (t.task.pendingExtension) throw taskErrors.extensionPending(`#${t.task.number}`);
  const newDue = resolveDeadline(deadline, {
    activatedAt: t.ctx.now,
    eventDate: t.task.eventDate,
    calendar: t.ctx.calendar,
  });
  if (node.dueAt && newDue.getTime() <= node.dueAt.getTime())
    throw taskErrors.deadlineNotLater(ref);
  t.updateTask({
    pendingExtension: {
      nodeId: node.id,
      deadline,
      reason,
      requestedBy: actor.personId,
      requestedAt: t.ctx.now,
    },
  });
  t.event('node.extension_requested', node.id, { dueAt: newDue.toISOString(), reason });
  t.effect({ type: 'notify', audience: 'creator', reason: 'extension-requested', nodeId: node.id });
}

export function decideExtension(t: Transition, approve: boolean): void {
  const request = t.task.pendingExtension;
  if (!request) throw taskErrors.noExtension(`#${t.task.number}`);
  assertMayManageTask(t.task, t.ctx, `审批任务 #${t.task.number} 的延期申请`);
  const node = t.node(request.nodeId);
  t.updateTask({ pendingExtension: null });
  if (!approve) {
    t.event('node.extension_denied', node.id);
    t.effect({ type: 'notify', audience: 'owners', reason: 'extension-denied', nodeId: node.id });
    return;
  }
  const dueAt = resolveDeadline(request.deadline, {
    activatedAt: request.requestedAt,
    eventDate: t.task.eventDate,
    calendar: t.ctx.calendar,
  });
  t.updateNode(node.id, {
    deadline: request.deadline,
    dueAt,
    deadlineVersion: node.deadlineVersion + 1,
    escalationLevel: 0,
  });
  t.event('node.extension_approved', node.id, { dueAt: dueAt.toISOString() });
  t.effect({ type: 'plan-node', nodeId: node.id });
  t.effect({ type: 'notify', audience: 'owners', reason: 'extension-approved', nodeId: node.id });
}
