import {
  invalidCalendarDateError,
  invalidTimezoneError,
  invalidWorkHoursError,
  noWorkdaysError,
} from './calendar.errors.js';
import type { BusinessCalendar, CalendarConfig, LocalDate } from './calendar.types.js';
import { addDays, parseLocalDate } from './local-date.models.js';
import { instantAt, isKnownTimezone, wallClockAt } from './local-time.js';
import { formatMinuteOfDay } from './minute-of-day.models.js';
import { createWorkdayRule } from './workday.policy.js';
import {
  addDuration,
  addWorkingDays,
  addWorkingHours,
  type CalendarPrimitives,
  workingMsBetween,
} from './working-time.models.js';

const MINUTE_MS = 60_000;
/** How far to look for a working day before deciding the configuration has none. */
const MAX_SCAN_DAYS = 3660;

/**
 * Creates the working calendar of one organisation: all local-time maths happens in
 * `config.timezone` (via `Intl`), never in the server's zone, and is DST-safe.
 *
 * With `holidays: 'cn'` working days follow each year's official schedule — holidays and
 * make-up working days (调休) — from `config.officialSchedules` or the `chinese-days` package
 * (years up to 2026); a year with neither gets the statutory holidays computed by law (see
 * `statutoryHolidays`), never a bare Monday–Friday week.
 *
 * @throws DomainError `calendar.invalid_timezone`, `calendar.invalid_work_hours` or
 *   `calendar.invalid_date` when the configuration cannot be used.
 */
export function createBusinessCalendar(config: CalendarConfig): BusinessCalendar {
  assertUsableConfig(config);
  const { timezone, workStartMinute, workEndMinute } = config;
  const isWorkday = createWorkdayRule(config);

  const atLocalTime = (date: LocalDate, minuteOfDay: number): Date =>
    instantAt(date, minuteOfDay * MINUTE_MS, timezone);
  const isWorkingMoment = (at: Date): boolean => {
    const { date, msOfDay } = wallClockAt(at, timezone);
    return isWorkday(date) && withinBusinessHours(msOfDay, config);
  };

  const primitives: CalendarPrimitives = {
    config,
    isWorkday,
    atLocalTime,
    localDate: (at) => wallClockAt(at, timezone).date,
    nextWorkday: (date) => scanForWorkday(isWorkday, date, 1),
    endOfWorkday: (date) => atLocalTime(date, workEndMinute),
    nextWorkingMoment: (at) => {
      if (isWorkingMoment(at)) return at;
      const { date, msOfDay } = wallClockAt(at, timezone);
      const beforeOpening = isWorkday(date) && msOfDay < workStartMinute * MINUTE_MS;
      const day = beforeOpening ? date : scanForWorkday(isWorkday, date, 1);
      return atLocalTime(day, workStartMinute);
    },
  };
  return {
    ...primitives,
    isWorkingMoment,
    minuteOfDay: (at) => Math.floor(wallClockAt(at, timezone).msOfDay / MINUTE_MS),
    previousWorkday: (date) => scanForWorkday(isWorkday, date, -1),
    addWorkingDays: (from, n) => addWorkingDays(primitives, from, n),
    addWorkingHours: (from, hours) => addWorkingHours(primitives, from, hours),
    workingMsBetween: (from, to) => workingMsBetween(primitives, from, to),
    add: (from, duration) => addDuration(primitives, from, duration),
  };
}

function withinBusinessHours(msOfDay: number, config: CalendarConfig): boolean {
  return (
    msOfDay >= config.workStartMinute * MINUTE_MS && msOfDay < config.workEndMinute * MINUTE_MS
  );
}

/** The nearest working day strictly after (`step` 1) or before (`step` −1) `date`. */
function scanForWorkday(
  isWorkday: (date: LocalDate) => boolean,
  date: LocalDate,
  step: 1 | -1,
): LocalDate {
  let candidate = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    candidate = addDays(candidate, step);
    if (isWorkday(candidate)) return candidate;
  }
  throw noWorkdaysError(date);
}

function assertUsableConfig(config: CalendarConfig): void {
  if (!isKnownTimezone(config.timezone)) throw invalidTimezoneError(config.timezone);
  const { workStartMinute: start, workEndMinute: end } = config;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    start >= end ||
    end > 1440
  ) {
    throw invalidWorkHoursError(`${formatMinuteOfDay(start)}-${formatMinuteOfDay(end)}`);
  }
  const schedules = config.officialSchedules;
  const scheduled = schedules.flatMap((schedule) => [...schedule.holidays, ...schedule.workdays]);
  for (const date of [...config.extraHolidays, ...config.extraWorkdays, ...scheduled]) {
    if (!parseLocalDate(date)) throw invalidCalendarDateError(date);
  }
}
