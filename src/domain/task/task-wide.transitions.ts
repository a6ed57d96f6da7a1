import { openNode } from './node-lookup.models.js';
import { closeOpenNodes } from './node-progress.models.js';
import { assertInvolved, assertMayManageTask } from './task-permissions.policy.js';
import type { Transition } from './transition.models.js';

/**
 * 抄送: anyone taking part copies more people on the task; those already copied are skipped.
 * The people added are told, with the note the copier wrote.
 */
export function addFollowers(t: Transition, people: readonly string[], note: string | null): void {
  assertInvolved(t.task, t.ctx, `给任务 #${t.task.number} 添加抄送`);
  const added = [...new Set(people)].filter((p) => !t.task.followers.includes(p));
  if (added.length === 0) return;
  t.updateTask({ followers: [...t.task.followers, ...added] });
  t.event('task.followers_added', null, { people: added });
  t.effect({
    type: 'notify',
    audience: 'followers',
    reason: 'copied',
    nodeId: null,
    detail: { by: t.ctx.actor?.personId ?? null, reason: note },
    people: added,
  });
}

/** 撤销: the creator (or a coordinator) ends the task; followers are told. */
export function cancel(t: Transition, reason: string | null): void {
  assertMayManageTask(t.task, t.ctx, `撤销任务 #${t.task.number}`);
  closeOpenNodes(t);
  t.updateTask({ status: 'cancelled', closedAt: t.ctx.now, pendingExtension: null });
  t.event('task.cancelled', null, { reason });
  t.effect({ type: 'notify', audience: 'followers', reason: 'cancelled', nodeId: null });
}

/** 升级: a person raises the task (or a dispute on one open node) to the coordination group now. */
export function escalate(t: Transition, nodeId: string | null, reason: string): void {
  assertInvolved(t.task, t.ctx, `升级任务 #${t.task.number}`);
  if (nodeId !== null) openNode(t, nodeId);
  t.event('task.escalated', nodeId, { reason, manual: true });
  const detail = { by: t.ctx.actor?.personId ?? null, reason };
  t.effect({ type: 'notify', audience: 'coordination', reason: 'escalated', nodeId, detail });
  if (t.ctx.actor?.personId !== t.task.creatorId) {
    t.effect({ type: 'notify', audience: 'creator', reason: 'escalated', nodeId, detail });
  }
}
