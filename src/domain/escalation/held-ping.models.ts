import type { BusinessCalendar } from '../calendar/calendar.types.js';
import type { EscalationLadder } from '../org/org.types.js';
import type { Task, TaskNode } from '../task/task.types.js';
import { planNodePings } from './ping-plan.policy.js';

/**
 * When a ping of the node that is held for working time will go: outside working time, a
 * non-urgent node's reminders and escalations that fall in the current stretch off work move to
 * the next working moment (see `planNodePings`). With the node's ladder, any such ping of its
 * plan; without it (a template's own ladder not at hand), the escalation of a deadline that falls
 * in (or passed during) this stretch. Null when nothing waits.
 */
export function heldPingMoment(
  task: Pick<Task, 'priority'>,
  node: TaskNode,
  ladder: EscalationLadder | null,
  calendar: BusinessCalendar,
  now: Date,
): Date | null {
  if (task.priority === 'urgent' || node.status !== 'active' || !node.dueAt) return null;
  if (calendar.isWorkingMoment(now)) return null;
  const resumes = calendar.nextWorkingMoment(now).getTime();
  const waiting = ladder
    ? planNodePings({ task, node, ladder, calendar, now }).map((p) => p.at.getTime())
    : [calendar.nextWorkingMoment(node.dueAt).getTime()];
  return waiting.includes(resumes) ? new Date(resumes) : null;
}
