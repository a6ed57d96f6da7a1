import type { BusinessCalendar, LocalDate } from '../calendar/calendar.types.js';
import {
  addDays,
  formatLocalDate,
  parseLocalDate,
  weekdayOf,
} from '../calendar/local-date.models.js';
import type { DeadlineParseContext } from './deadline.types.js';
import { stripLeadingFiller } from './deadline-text.models.js';

/** A stretch of the calendar a deadline can name the end (or the start) of. */
type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

interface PeriodPhrase {
  readonly pattern: RegExp;
  readonly unit: PeriodUnit;
  /** Periods after the current one: 下月底 = 1. */
  readonly shift: number;
  /** `start`: the first working day (月初); `end`: the last one (月底). */
  readonly edge: 'start' | 'end';
  /**
   * A bare phrase (月底, 年底) means the next such day still ahead; one that names its period
   * (本月底, 今年底) does not move, so a passed one is refused like any past deadline.
   */
  readonly rolls: boolean;
}

const BY = '(?:前|之前|以前|内|之内|以内|为止)?';
const THIS = '(?:本|这个?|当|今)';
const NEXT = '(?:下个?)';
const PHRASES: readonly PeriodPhrase[] = [
  phrase(`^月(?:底|末)${BY}$`, 'month', 0, 'end', true),
  phrase(`^${THIS}月(?:底|末)${BY}$`, 'month', 0, 'end', false),
  phrase(`^${NEXT}月(?:底|末)${BY}$`, 'month', 1, 'end', false),
  phrase(`^月初${BY}$`, 'month', 0, 'start', true),
  phrase(`^${THIS}月初${BY}$`, 'month', 0, 'start', false),
  phrase(`^${NEXT}月初${BY}$`, 'month', 1, 'start', false),
  phrase(`^季度?(?:底|末)${BY}$`, 'quarter', 0, 'end', true),
  phrase(`^${THIS}季度?(?:底|末)${BY}$`, 'quarter', 0, 'end', false),
  phrase(`^${NEXT}季度?(?:底|末)${BY}$`, 'quarter', 1, 'end', false),
  phrase(`^年(?:底|末)${BY}$`, 'year', 0, 'end', true),
  phrase(`^${THIS}年年?(?:底|末)${BY}$`, 'year', 0, 'end', false),
  phrase(`^明年年?(?:底|末)${BY}$`, 'year', 1, 'end', false),
  phrase(`^${THIS}(?:周|星期|礼拜)(?:内|之内|以内)?$`, 'week', 0, 'end', false),
  phrase('^(?:本|这)?(?:周末|礼拜天)(?:前|之前|以前)$', 'week', 0, 'end', false),
  phrase(`^${NEXT}(?:周|星期|礼拜)(?:内|之内|以内)$`, 'week', 1, 'end', false),
];

function phrase(
  source: string,
  unit: PeriodUnit,
  shift: number,
  edge: 'start' | 'end',
  rolls: boolean,
): PeriodPhrase {
  return { pattern: new RegExp(source), unit, shift, edge, rolls };
}

/**
 * A deadline named by a calendar period: `月底前` / `月末` / `本月底` (the month's last working
 * day), `下个月底`, `下月初` (next month's first working day), `季度末`, `年底前`, `本周内` /
 * `周末前` (the week's last working day, Monday-based weeks), `下周内`, and `下班前` alone (today, or
 * the next working day once today's working hours are over). Always at the end of business hours
 * (18:00 or the org's own). `null` when the text names no period.
 */
export function parsePeriodDeadline(
  text: string,
  { now, calendar }: DeadlineParseContext,
): Date | null {
  const phrase = stripLeadingFiller(text);
  if (CLOCK_OFF_PATTERN.test(phrase)) return nextClockOff(now, calendar);
  const match = PHRASES.find(({ pattern }) => pattern.test(phrase));
  if (!match) return null;
  const today = calendar.localDate(now);
  const at = periodDeadline(match, today, match.shift, calendar);
  if (!match.rolls || at.getTime() > now.getTime()) return at;
  return periodDeadline(match, today, match.shift + 1, calendar);
}

/** `下班前` alone: today's end of business hours, or the next working day's once it has passed. */
const CLOCK_OFF_PATTERN = /^(?:下班|收工)(?:前|之前|以前)?$/;

function nextClockOff(now: Date, calendar: BusinessCalendar): Date {
  const today = calendar.localDate(now);
  const todayEnd = calendar.endOfWorkday(today);
  if (calendar.isWorkday(today) && todayEnd.getTime() > now.getTime()) return todayEnd;
  return calendar.endOfWorkday(calendar.nextWorkday(today));
}

function periodDeadline(
  match: PeriodPhrase,
  today: LocalDate,
  shift: number,
  calendar: BusinessCalendar,
): Date {
  const { first, last } = periodBounds(match.unit, today, shift);
  return calendar.endOfWorkday(
    match.edge === 'end' ? lastWorkdayOf(first, last, calendar) : workdayFrom(first, calendar),
  );
}

/** The period's last working day; for a period with none (a week of 春节), the first one after. */
function lastWorkdayOf(first: LocalDate, last: LocalDate, calendar: BusinessCalendar): LocalDate {
  const day = workdayUntil(last, calendar);
  return day < first ? calendar.nextWorkday(last) : day;
}

function workdayUntil(date: LocalDate, calendar: BusinessCalendar): LocalDate {
  return calendar.isWorkday(date) ? date : calendar.previousWorkday(date);
}

function workdayFrom(date: LocalDate, calendar: BusinessCalendar): LocalDate {
  return calendar.isWorkday(date) ? date : calendar.nextWorkday(date);
}

/** The first and last calendar day of the period `shift` periods after the one holding `today`. */
function periodBounds(
  unit: PeriodUnit,
  today: LocalDate,
  shift: number,
): { first: LocalDate; last: LocalDate } {
  if (unit === 'week') {
    const monday = addDays(today, 1 - (weekdayOf(today) || 7) + 7 * shift);
    return { first: monday, last: addDays(monday, 6) };
  }
  const parts = parseLocalDate(today);
  if (!parts) throw new RangeError(`Not a date: ${today}`);
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const startIndex =
    parts.year * 12 + Math.floor((parts.month - 1) / months) * months + shift * months;
  const first = monthStart(startIndex);
  return { first, last: addDays(monthStart(startIndex + months), -1) };
}

/** The first day of the month numbered `year * 12 + (month - 1)`. */
function monthStart(index: number): LocalDate {
  return formatLocalDate({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}
