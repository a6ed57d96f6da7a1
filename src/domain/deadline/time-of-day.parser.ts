import * as chrono from 'chrono-node';
import type { BusinessCalendar, CalendarConfig } from '../calendar/calendar.types.js';
import { parseLocalDate } from '../calendar/local-date.models.js';
import { assertExhaustive } from '../shared/assert-exhaustive.js';

/** A part of the day named without a clock time. */
export type DayPeriod =
  | 'early-morning'
  | 'morning'
  | 'noon'
  | 'afternoon'
  | 'end-of-day'
  | 'evening';

const PERIOD_WORDS: Readonly<Record<string, DayPeriod>> = {
  早上: 'early-morning',
  早晨: 'early-morning',
  上班: 'early-morning',
  上午: 'morning',
  中午: 'noon',
  下午: 'afternoon',
  下班: 'end-of-day',
  收工: 'end-of-day',
  晚上: 'evening',
  夜里: 'evening',
};
// A period word right before a clock time ("下午3点") is left for chrono, which reads both.
const PERIOD_PATTERN = new RegExp(
  `(${Object.keys(PERIOD_WORDS).join('|')})(?![\\d零〇一二两三四五六七八九十])`,
);

/**
 * The deadline a bare period word stands for: 早上 and 上班 = start of business hours, 上午 and
 * 中午 = 12:00, 下午 and 下班 = end of business hours (18:00 by default), 晚上 = 22:00.
 */
function periodMinute(period: DayPeriod, config: CalendarConfig): number {
  switch (period) {
    case 'early-morning':
      return config.workStartMinute;
    case 'morning':
    case 'noon':
      return 720;
    case 'afternoon':
    case 'end-of-day':
      return config.workEndMinute;
    case 'evening':
      return 1320;
    default:
      return assertExhaustive(period);
  }
}

/**
 * The deadline's minute of day from a clock reading and a bare period word, or `null` when the
 * text gave neither. A 12-hour reading moves into the named half: 今晚8点 = 20:00, 今晚12点 = 24:00.
 */
export function resolveMinute(
  clockMinute: number | null,
  period: DayPeriod | null,
  config: CalendarConfig,
): number | null {
  if (clockMinute !== null) return applyPeriodToClock(clockMinute, period);
  return period === null ? null : periodMinute(period, config);
}

function applyPeriodToClock(minuteOfDay: number, period: DayPeriod | null): number {
  const hour = Math.floor(minuteOfDay / 60);
  const pm = (period === 'afternoon' && hour < 12) || (period === 'evening' && hour <= 12);
  return pm ? minuteOfDay + 720 : minuteOfDay;
}

/** Takes the first bare period word out of `text`. */
export function extractPeriod(text: string): { period: DayPeriod | null; rest: string } {
  const match = PERIOD_PATTERN.exec(text);
  if (!match?.[1]) return { period: null, rest: text };
  return { period: PERIOD_WORDS[match[1]] ?? null, rest: text.replace(match[1], '').trim() };
}

/** What chrono read from a text: a month-day (maybe with a year) and/or a clock time. */
export interface ClockReading {
  readonly date: {
    readonly year: number | null;
    readonly month: number;
    readonly day: number;
  } | null;
  readonly minuteOfDay: number | null;
}

/**
 * Reads a date and/or clock time with chrono's Simplified-Chinese parser. Only values the text
 * states are used (chrono's guesses for the rest are ignored), and chrono must account for the
 * whole text: anything left over means `null`, never a guess.
 */
export function readDateAndClock(
  text: string,
  now: Date,
  calendar: BusinessCalendar,
): ClockReading | null {
  if (text === '') return { date: null, minuteOfDay: null };
  const [result, ...others] = chrono.zh.hans.parse(text, chronoReference(now, calendar));
  if (!result || others.length > 0 || result.index !== 0 || result.text !== text) return null;
  const { start } = result;
  if (start.isCertain('timezoneOffset') || start.isCertain('weekday')) return null;
  const month = start.isCertain('month') ? start.get('month') : null;
  const day = start.isCertain('day') ? start.get('day') : null;
  if ((month === null) !== (day === null)) return null;
  const hour = start.isCertain('hour') ? start.get('hour') : null;
  return {
    date: month === null || day === null ? null : { year: certainYear(start), month, day },
    minuteOfDay: hour === null ? null : hour * 60 + (start.get('minute') ?? 0),
  };
}

function certainYear(start: chrono.ParsedComponents): number | null {
  return start.isCertain('year') ? start.get('year') : null;
}

/**
 * chrono's Chinese parsers compute relative days from the reference instant with host-local
 * getters (`getDate()`, `getHours()`), ignoring the zone of a `{ instant, timezone }` reference.
 * So we hand them a Date whose host-local fields show the org's wall clock; as only values the
 * text states are read back (and turned into instants by the calendar), the server's zone never
 * reaches a result.
 */
function chronoReference(now: Date, calendar: BusinessCalendar): Date {
  const parts = parseLocalDate(calendar.localDate(now));
  const minute = calendar.minuteOfDay(now);
  if (!parts) throw new RangeError(`Unrepresentable instant: ${now.toISOString()}`);
  return new Date(parts.year, parts.month - 1, parts.day, Math.floor(minute / 60), minute % 60);
}
