import type { BusinessCalendar } from '../calendar/calendar.types.js';
import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type { TaskNode } from './task.types.js';

const HOUR_MS = 3_600_000;

/** The node's total paused time once a pause that is still running ends at `now`. */
export function pausedTotalAt(node: TaskNode, now: Date): number {
  if (!node.pausedAt) return node.pausedTotalMs;
  return node.pausedTotalMs + Math.max(0, now.getTime() - node.pausedAt.getTime());
}

/**
 * Where the deadline of a paused node lands when it resumes at `now`: the clock stopped, so
 * the owner gets back the time the pause took, measured the way the deadline is measured.
 * - Working-time spans (`3个工作日内`, `4个工作小时`): the working time that passed while
 *   paused is added in working time. A pause over a night or a weekend costs nothing and moves
 *   nothing; one over two working hours moves the deadline two working hours on.
 * - Wall-clock spans (`2小时内`) and fixed moments (`明天18:00`): moved by the wall-clock span.
 * - Event-relative deadlines (`活动前3天`) stay: the event does not wait for the pause.
 */
export function dueAtAfterPause(
  node: TaskNode,
  now: Date,
  calendar: BusinessCalendar,
): Date | null {
  if (!node.dueAt || !node.pausedAt) return node.dueAt;
  const dueAt = node.dueAt;
  const pausedAt = node.pausedAt;
  const wallClock = () =>
    new Date(dueAt.getTime() + Math.max(0, now.getTime() - pausedAt.getTime()));
  const spec = node.deadline;
  switch (spec.kind) {
    case 'event-relative':
      return dueAt;
    case 'absolute':
      return wallClock();
    case 'after-activation':
      if (spec.duration.unit === 'ms') return wallClock();
      return addWorkingMs(dueAt, calendar.workingMsBetween(pausedAt, now), calendar);
    default:
      return assertExhaustive(spec);
  }
}

function addWorkingMs(from: Date, ms: number, calendar: BusinessCalendar): Date {
  return ms > 0 ? calendar.addWorkingHours(from, ms / HOUR_MS) : from;
}
