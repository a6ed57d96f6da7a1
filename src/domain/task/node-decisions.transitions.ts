import {
  activateGroup,
  activateNodes,
  advance,
  closeOpenNodes,
  groupsOf,
  resetToPending,
} from './node-progress.models.js';
import { taskErrors } from './task.errors.js';
import type { OwnerDecision, TaskNode } from './task.types.js';
import { assertMayActOnNode, isOwner } from './task-permissions.policy.js';
import { isNodeFinished, nodeRef } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/** The first response the SOP's response limit measures; stops "no response" pings only. */
export function acknowledge(t: Transition, node: TaskNode): void {
  assertMayActOnNode(node, t.ctx, `确认收到节点 ${nodeRef(t.task, node)}`);
  if (node.acknowledgedAt) return;
  t.updateNode(node.id, { acknowledgedAt: t.ctx.now });
  t.event('node.acknowledged', node.id);
}

/**
 * One owner's decision. A coordinator who is not an owner settles the node for everyone; an
 * owner's decision settles it when the node is 或签 or every owner has decided (会签).
 */
export function decide(
  t: Transition,
  node: TaskNode,
  decision: OwnerDecision,
  text: string | null,
): void {
  const ref = nodeRef(t.task, node);
  if (node.kind === 'approval' && decision === 'done') throw taskErrors.isApproval(ref);
  if (node.kind === 'action' && decision !== 'done') throw taskErrors.notApproval(ref);
  const verb = { done: '完成', approved: '审批', rejected: '驳回' }[decision];
  const actor = assertMayActOnNode(node, t.ctx, `${verb}节点 ${ref}`);
  const mine = node.owners.find((o) => o.personId === actor.personId);
  if (mine?.decision) throw taskErrors.alreadyDecided(ref);
  const owners = node.owners.map((o) =>
    !isOwner(node, actor.personId) || o.personId === actor.personId
      ? { ...o, decision, decidedAt: t.ctx.now }
      : o,
  );
  const acknowledgedAt = node.acknowledgedAt ?? t.ctx.now;
  const fields = decision !== 'rejected' && text ? withNote(node.fields, text) : node.fields;
  const updated = t.updateNode(node.id, { owners, acknowledgedAt, fields });
  t.event(
    `node.${decision === 'done' ? 'owner_done' : `owner_${decision}`}`,
    node.id,
    text ? { text } : {},
  );
  if (decision === 'rejected') {
    rejectNode(t, updated, actor.personId, text ?? '');
    return;
  }
  const settled = updated.signMode === 'any' || owners.every((o) => o.decision !== null);
  if (!settled) return;
  t.updateNode(node.id, {
    status: decision === 'done' ? 'done' : 'approved',
    completedAt: t.ctx.now,
  });
  t.event(decision === 'done' ? 'node.completed' : 'node.approved', node.id);
  if (t.task.lastRejection?.nodeId === node.id) t.updateTask({ lastRejection: null });
  t.effect({ type: 'clear-node', nodeId: node.id });
  advance(t, updated.parallelGroup);
}

/** Field a completion or approval note is kept in (e.g. the lead time 采购执行 answers with). */
export const NOTE_FIELD = '处理说明';

function withNote(fields: TaskNode['fields'], note: string): Readonly<Record<string, string>> {
  const before = fields[NOTE_FIELD];
  return { ...fields, [NOTE_FIELD]: before ? `${before}\n${note}` : note };
}

/**
 * A rejection sends the task back to the group before (rework, counted by the KPIs), or closes
 * it when the template says so or there is nothing before. The requester, the owners who must
 * redo their work and those whose parallel node is reset are told who rejected and why.
 */
function rejectNode(t: Transition, node: TaskNode, by: string, reason: string): void {
  t.updateNode(node.id, { status: 'rejected', completedAt: t.ctx.now });
  t.updateTask({ lastRejection: { nodeId: node.id, by, reason, at: t.ctx.now } });
  t.event('node.rejected', node.id, { reason });
  t.effect({ type: 'clear-node', nodeId: node.id });
  t.effect({
    type: 'notify',
    audience: 'creator',
    reason: 'rejected',
    nodeId: node.id,
    detail: { by, reason },
  });
  const previous = groupsOf(t.task.nodes)
    .filter((g) => g < node.parallelGroup)
    .at(-1);
  if (t.task.onReject === 'close' || previous === undefined) {
    closeOpenNodes(t);
    t.updateTask({ status: 'rejected', closedAt: t.ctx.now });
    t.event('task.rejected', node.id, { reason });
    return;
  }
  const detail = { by, reason, aboutNodeId: node.id };
  const later = t.task.nodes.filter((n) => n.parallelGroup >= node.parallelGroup);
  const underWay = later.filter((n) => n.id !== node.id && n.status !== 'pending');
  resetToPending(t, later);
  for (const n of underWay) {
    t.effect({ type: 'notify', audience: 'owners', reason: 'reset', nodeId: n.id, detail });
  }
  activateGroup(t, previous, true, detail);
}

/**
 * 退回: sends the task back to an earlier, finished node for rework. The target runs again and
 * every later group waits for it; nodes beside the target in its group keep their result.
 */
export function sendBack(t: Transition, from: TaskNode, target: TaskNode, reason: string): void {
  assertMayActOnNode(from, t.ctx, `退回节点 ${nodeRef(t.task, from)}`);
  if (!isNodeFinished(target.status) || target.parallelGroup >= from.parallelGroup) {
    throw taskErrors.sendbackTarget(nodeRef(t.task, target));
  }
  t.event('node.sent_back', from.id, { to: target.id, reason });
  resetToPending(t, [
    target,
    ...t.task.nodes.filter((n) => n.parallelGroup > target.parallelGroup),
  ]);
  activateNodes(t, [t.node(target.id)], true);
}
