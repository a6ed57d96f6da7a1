import type { BusinessCalendar } from '../calendar/calendar.types.js';
import { resolveDeadline } from '../deadline/deadline.resolver.js';
import type { DeadlineSpec } from '../deadline/deadline.types.js';
import { taskErrors } from './task.errors.js';
import type { ExtensionRequest, Task, TaskNode } from './task.types.js';
import { assertMayActOnNode, assertMayManageTask } from './task-permissions.policy.js';
import { isNodeActionable, isNodeOpen, nodeRef } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/**
 * 延期: an owner asks for a later deadline; the creator (or a coordinator) decides. One request
 * per task at a time, and the new deadline must be later than the current one.
 */
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

/** The deadline a request asks for: relative spans count from the request, as its asker meant. */
export function requestedDueAt(
  task: Pick<Task, 'eventDate'>,
  request: ExtensionRequest,
  calendar: BusinessCalendar,
): Date {
  return resolveDeadline(request.deadline, {
    activatedAt: request.requestedAt,
    eventDate: task.eventDate,
    calendar,
  });
}

/** The answer to the pending request: approved, the node gets the new deadline and a new plan. */
export function decideExtension(t: Transition, approve: boolean, reason: string | null): void {
  const request = t.task.pendingExtension;
  if (!request) throw taskErrors.noExtension(`#${t.task.number}`);
  assertMayManageTask(t.task, t.ctx, `审批任务 #${t.task.number} 的延期申请`);
  const node = t.node(request.nodeId);
  t.updateTask({ pendingExtension: null });
  if (!approve) {
    t.event('node.extension_denied', node.id, reason ? { reason } : undefined);
    const detail = { by: t.ctx.actor?.personId ?? null, reason };
    t.effect({
      type: 'notify',
      audience: 'owners',
      reason: 'extension-denied',
      nodeId: node.id,
      detail,
    });
    return;
  }
  const dueAt = requestedDueAt(t.task, request, t.ctx.calendar);
  t.updateNode(node.id, {
    deadline: request.deadline,
    dueAt,
    deadlineVersion: node.deadlineVersion + 1,
    escalationLevel: 0,
  });
  t.event('node.extension_approved', node.id, { dueAt: dueAt.toISOString() });
  // A paused node is planned when it resumes (and its clock still stands until then).
  if (isNodeActionable(node.status)) t.planNode(node.id);
  t.effect({ type: 'notify', audience: 'owners', reason: 'extension-approved', nodeId: node.id });
}

/**
 * A request whose node finished, was reset or closed meanwhile has nothing left to extend: it
 * is withdrawn, so the creator is not asked about a deadline that no longer exists.
 */
export function dropStaleExtension(t: Transition): void {
  const request = t.task.pendingExtension;
  if (!request || isNodeOpen(t.node(request.nodeId).status)) return;
  t.updateTask({ pendingExtension: null });
  t.event('node.extension_withdrawn', request.nodeId);
}
