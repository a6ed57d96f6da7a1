import { taskErrors } from './task.errors.js';
import type { TaskNode } from './task.types.js';
import { assertInvolved, assertMayActOnNode, isOwner } from './task-permissions.policy.js';
import { nodeRef } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/** Nudges of one node are at least this far apart, so 催办 cannot be used to spam. */
export const NUDGE_INTERVAL_MS = 30 * 60_000;

/** 催办: anyone taking part reminds the node's owners now. */
export function nudge(t: Transition, node: TaskNode, note: string | null): void {
  const ref = nodeRef(t.task, node);
  assertInvolved(t.task, t.ctx, `催办节点 ${ref}`);
  const since = node.lastNudgedAt ? t.ctx.now.getTime() - node.lastNudgedAt.getTime() : Infinity;
  if (since < NUDGE_INTERVAL_MS) {
    throw taskErrors.nudgedRecently(ref, Math.ceil((NUDGE_INTERVAL_MS - since) / 60_000));
  }
  t.updateNode(node.id, { lastNudgedAt: t.ctx.now });
  t.event('node.nudged', node.id, note ? { note } : undefined);
  const detail = { by: t.ctx.actor?.personId ?? null, reason: note };
  t.effect({ type: 'notify', audience: 'owners', reason: 'nudged', nodeId: node.id, detail });
}

/**
 * 转交: hands the actor's place on the node to someone else. A coordinator who does not own the
 * node reassigns every place whose owner has not decided yet. The new owner's first response
 * is still to come, so the node counts as not acknowledged again.
 */
export function transfer(t: Transition, node: TaskNode, to: string, reason: string): void {
  const ref = nodeRef(t.task, node);
  const actor = assertMayActOnNode(node, t.ctx, `转交节点 ${ref}`);
  if (isOwner(node, to)) throw taskErrors.alreadyOwner(t.ctx.nameOf(to), ref);
  const ownPlace = isOwner(node, actor.personId);
  const replaced = (o: TaskNode['owners'][number]) =>
    ownPlace ? o.personId === actor.personId : o.decision === null;
  const owners = node.owners.map((o) =>
    replaced(o) ? { personId: to, decision: null, decidedAt: null } : o,
  );
  const unique = owners.filter((o, i) => owners.findIndex((p) => p.personId === o.personId) === i);
  t.updateNode(node.id, { owners: unique, acknowledgedAt: null });
  t.event('node.transferred', node.id, { from: actor.personId, to, reason });
  t.effect({
    type: 'notify',
    audience: 'owners',
    reason: 'transferred',
    nodeId: node.id,
    detail: { by: actor.personId, reason },
    people: [to],
  });
}

/** 加签: one more approver on an approval node (under 会签 they must approve too). */
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
