import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type { Duration } from '../shared/duration.types.js';
import type { BusinessCalendar } from './calendar.types.js';
import { addDays } from './local-date.models.js';
import { instantAt, wallClockAt } from './local-time.js';

const HOUR_MS = 3_600_000;

/** The calendar primitives the working-time arithmetic is built on. */
export type CalendarPrimitives = Pick<
  BusinessCalendar,
  | 'config'
  | 'localDate'
  | 'isWorkday'
  | 'nextWorkday'
  | 'atLocalTime'
  | 'endOfWorkday'
  | 'nextWorkingMoment'
>;

/**
 * The same local time of day `n` working days after `from`, counting from
 * `nextWorkingMoment(from)`.
 * @throws RangeError unless `n` is a whole number ≥ 0.
 */
export function addWorkingDays(calendar: CalendarPrimitives, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  const start = calendar.nextWorkingMoment(from);
  const { timezone } = calendar.config;
  const clock = wallClockAt(start, timezone);
  let date = clock.date;
  for (let i = 0; i < n; i++) date = calendar.nextWorkday(date);
  return n === 0 ? start : instantAt(date, clock.msOfDay, timezone);
}

/**
 * `from` plus `hours` of business time. The result is a working moment or, when the time runs
 * out exactly at closing, the end of that working day (16:00 + 2 h = 18:00, not 09:00 next day).
 * @throws RangeError unless `hours` is a finite number ≥ 0.
 */
export function addWorkingHours(calendar: CalendarPrimitives, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`Working hours must be ≥ 0: ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  let cursor = calendar.nextWorkingMoment(from);
  for (;;) {
    const closing = calendar.endOfWorkday(calendar.localDate(cursor));
    const available = closing.getTime() - cursor.getTime();
    if (remaining <= available) return new Date(cursor.getTime() + remaining);
    remaining -= available;
    cursor = calendar.nextWorkingMoment(closing);
  }
}

/** Milliseconds of business time in `[from, to)`; 0 when `to` ≤ `from`. */
export function workingMsBetween(calendar: CalendarPrimitives, from: Date, to: Date): number {
  let total = 0;
  const lastDate = calendar.localDate(to);
  for (let date = calendar.localDate(from); date <= lastDate; date = addDays(date, 1)) {
    if (!calendar.isWorkday(date)) continue;
    const opening = calendar.atLocalTime(date, calendar.config.workStartMinute).getTime();
    const closing = calendar.endOfWorkday(date).getTime();
    const overlap = Math.min(closing, to.getTime()) - Math.max(opening, from.getTime());
    if (overlap > 0) total += overlap;
  }
  return total;
}

/** `from` plus a duration in its own unit: wall-clock ms, working days or working hours. */
export function addDuration(calendar: CalendarPrimitives, from: Date, duration: Duration): Date {
  switch (duration.unit) {
    case 'ms':
      return new Date(from.getTime() + duration.ms);
    case 'workdays':
      return addWorkingDays(calendar, from, duration.days);
    case 'workhours':
      return addWorkingHours(calendar, from, duration.hours);
    default:
      return assertExhaustive(duration);
  }
}
