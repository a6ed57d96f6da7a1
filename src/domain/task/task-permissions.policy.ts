import type { Actor, TaskContext } from './task.effects.js';
import { taskErrors } from './task.errors.js';
import type { Task, TaskNode } from './task.types.js';

function actorOf(ctx: TaskContext): Actor {
  if (!ctx.actor) throw new Error('a person must act here, not the system');
  return ctx.actor;
}

/** Coordinators and admins may act on any node of any task. */
const oversees = (actor: Actor): boolean => actor.isCoordinator || actor.isAdmin;

export const isOwner = (node: TaskNode, personId: string): boolean =>
  node.owners.some((o) => o.personId === personId);

/** Creator, any node's owner, or a follower. */
export function isInvolved(task: Task, personId: string): boolean {
  return (
    task.creatorId === personId ||
    task.followers.includes(personId) ||
    task.nodes.some((n) => isOwner(n, personId))
  );
}

/** The node's owners act on it; coordinators may act on any node. */
export function assertMayActOnNode(node: TaskNode, ctx: TaskContext, what: string): Actor {
  const actor = actorOf(ctx);
  if (oversees(actor) || isOwner(node, actor.personId)) return actor;
  const owners = node.owners.map((o) => ctx.nameOf(o.personId)).join('、');
  throw taskErrors.forbidden(what, `负责人${owners}或协调人`);
}

/** The task's creator, or a coordinator: cancel, decide extensions. */
export function assertMayManageTask(task: Task, ctx: TaskContext, what: string): Actor {
  const actor = actorOf(ctx);
  if (oversees(actor) || task.creatorId === actor.personId) return actor;
  throw taskErrors.forbidden(what, `发起人${ctx.nameOf(task.creatorId)}或协调人`);
}

/** Anyone taking part in the task (creator, owners, followers), or a coordinator. */
export function assertInvolved(task: Task, ctx: TaskContext, what: string): Actor {
  const actor = actorOf(ctx);
  if (oversees(actor) || isInvolved(task, actor.personId)) return actor;
  throw taskErrors.forbidden(what, '任务的发起人、负责人、抄送人或协调人');
}
