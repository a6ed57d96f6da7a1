import { resolveDeadline } from '../deadline/deadline.resolver.js';
import { pausedTotalAt } from './node-clock.models.js';
import type { NoticeDetail } from './task.effects.js';
import type { TaskNode } from './task.types.js';
import { isNodeFinished, isNodeOpen } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/** Groups in running order. */
export function groupsOf(nodes: readonly TaskNode[]): number[] {
  return [...new Set(nodes.map((n) => n.parallelGroup))].sort((a, b) => a - b);
}

/** Starts every node of a group. */
export function activateGroup(
  t: Transition,
  group: number,
  rework: boolean,
  detail?: NoticeDetail,
): void {
  activateNodes(
    t,
    t.task.nodes.filter((n) => n.parallelGroup === group),
    rework,
    detail,
  );
}

/**
 * Starts nodes: each deadline pinned now (from its spec, via the calendar), pings planned,
 * owners told (with why, for rework). Rework counts against the node for the KPIs.
 */
export function activateNodes(
  t: Transition,
  nodes: readonly TaskNode[],
  rework: boolean,
  detail?: NoticeDetail,
): void {
  const { now, calendar } = t.ctx;
  for (const node of nodes) {
    const dueAt = resolveDeadline(node.deadline, {
      activatedAt: now,
      eventDate: t.task.eventDate,
      calendar,
    });
    t.updateNode(node.id, {
      status: 'active',
      activatedAt: now,
      acknowledgedAt: null,
      pausedAt: null,
      completedAt: null,
      dueAt,
      deadlineVersion: node.deadlineVersion + 1,
      escalationLevel: 0,
      owners: node.owners.map((o) => ({ ...o, decision: null, decidedAt: null })),
      reworkCount: node.reworkCount + (rework ? 1 : 0),
    });
    t.event(rework ? 'node.reworked' : 'node.activated', node.id, { dueAt: dueAt.toISOString() });
    t.planNode(node.id);
    t.effect({
      type: 'notify',
      audience: 'owners',
      reason: rework ? 'reworked' : 'activated',
      nodeId: node.id,
      ...(detail ? { detail } : {}),
    });
  }
}

/** Puts nodes back to waiting (their pings dropped), e.g. before rework reaches them again. */
export function resetToPending(t: Transition, nodes: readonly TaskNode[]): void {
  for (const node of nodes) {
    if (isNodeOpen(node.status)) t.effect({ type: 'clear-node', nodeId: node.id });
    t.updateNode(node.id, {
      status: 'pending',
      pausedAt: null,
      pausedTotalMs: pausedTotalAt(node, t.ctx.now),
      owners: node.owners.map((o) => ({ ...o, decision: null, decidedAt: null })),
    });
  }
}

/** After a node finished: hands the baton to the next group, or closes the task as done. */
export function advance(t: Transition, finishedGroup: number): void {
  const groupNodes = t.task.nodes.filter((n) => n.parallelGroup === finishedGroup);
  if (!groupNodes.every((n) => isNodeFinished(n.status))) return;
  const next = groupsOf(t.task.nodes).find((g) => g > finishedGroup);
  if (next !== undefined) {
    activateGroup(t, next, false);
    return;
  }
  t.updateTask({ status: 'done', closedAt: t.ctx.now });
  t.event('task.done', null);
  t.effect({ type: 'notify', audience: 'creator', reason: 'done', nodeId: null });
  t.effect({ type: 'notify', audience: 'followers', reason: 'done', nodeId: null });
  t.effect({ type: 'request-rating' });
}

/**
 * The task ends early (cancelled, or rejected for good): open nodes are cancelled, nodes it
 * never reached are skipped, so the record shows which steps were cut short.
 */
export function closeOpenNodes(t: Transition): void {
  for (const node of t.task.nodes) {
    if (node.status === 'pending') t.updateNode(node.id, { status: 'skipped' });
    if (!isNodeOpen(node.status)) continue;
    t.effect({ type: 'clear-node', nodeId: node.id });
    t.updateNode(node.id, {
      status: 'cancelled',
      pausedAt: null,
      pausedTotalMs: pausedTotalAt(node, t.ctx.now),
    });
  }
}
