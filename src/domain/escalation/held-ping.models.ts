import type { BusinessCalendar } from '../calendar/calendar.types.js';
import type { Task, TaskNode } from '../task/task.types.js';

/**
 * When a ping of the node that is held for working time will go: outside working time, a
 * non-urgent node whose deadline falls in (or passed during) the current stretch off work has its
 * escalation moved to the next working moment (see `planNodePings`). Null when nothing waits.
 */
export function heldPingMoment(
  task: Pick<Task, 'priority'>,
  node: TaskNode,
  calendar: BusinessCalendar,
  now: Date,
): Date | null {
  if (task.priority === 'urgent' || node.status !== 'active' || !node.dueAt) return null;
  if (calendar.isWorkingMoment(now)) return null;
  const resumes = calendar.nextWorkingMoment(now);
  const held = calendar.nextWorkingMoment(node.dueAt);
  return held.getTime() === resumes.getTime() ? resumes : null;
}
