import { dueAtAfterPause, pausedTotalAt } from './node-clock.models.js';
import { taskErrors } from './task.errors.js';
import type { TaskNode } from './task.types.js';
import { assertMayActOnNode } from './task-permissions.policy.js';
import { nodeRef } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/** 挂起: stops the node's clock while it waits on something outside; coordination is told. */
export function pause(t: Transition, node: TaskNode, reason: string): void {
  const ref = nodeRef(t.task, node);
  assertMayActOnNode(node, t.ctx, `挂起节点 ${ref}`);
  if (node.status === 'paused') throw taskErrors.alreadyPaused(ref);
  t.updateNode(node.id, { status: 'paused', pausedAt: t.ctx.now });
  t.event('node.paused', node.id, { reason });
  t.effect({ type: 'clear-node', nodeId: node.id });
  t.effect({ type: 'notify', audience: 'coordination', reason: 'paused', nodeId: node.id });
}

/**
 * 恢复: restarts the clock. The deadline moves on by the time the pause took (see
 * {@link dueAtAfterPause}); the node gets a fresh plan, and an escalation level reached before
 * the pause no longer counts once the new deadline lies ahead.
 */
export function resume(t: Transition, node: TaskNode): void {
  const ref = nodeRef(t.task, node);
  assertMayActOnNode(node, t.ctx, `恢复节点 ${ref}`);
  if (node.status !== 'paused' || !node.pausedAt) throw taskErrors.notPaused(ref);
  const pausedMs = t.ctx.now.getTime() - node.pausedAt.getTime();
  const dueAt = dueAtAfterPause(node, t.ctx.now, t.ctx.calendar);
  const ahead = dueAt !== null && dueAt.getTime() > t.ctx.now.getTime();
  t.updateNode(node.id, {
    status: 'active',
    pausedAt: null,
    pausedTotalMs: pausedTotalAt(node, t.ctx.now),
    dueAt,
    deadlineVersion: node.deadlineVersion + 1,
    escalationLevel: ahead ? 0 : node.escalationLevel,
  });
  t.event('node.resumed', node.id, { pausedMs, dueAt: dueAt?.toISOString() ?? null });
  t.planNode(node.id);
}
