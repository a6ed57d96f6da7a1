import type { BusinessCalendar } from '../calendar/calendar.types.js';
import { NUMBER_SOURCE, parseNumberWord } from './deadline-text.models.js';
import { extractPeriod, readDateAndClock, resolveMinute } from './time-of-day.parser.js';

const EVENT_WORD = '(?:活动|会议)';
const EVENT_OFFSET_PATTERN = new RegExp(
  `^${EVENT_WORD}\\s*(前|后)\\s*(${NUMBER_SOURCE})\\s*个?\\s*(?:天|日)(.*)$`,
);
const EVENT_DAY_PATTERN = new RegExp(`^${EVENT_WORD}\\s*(?:当天|当日)(.*)$`);
// T-3d, T-3, T+1d, T, each optionally followed by a time ("T-1 18:00").
const T_PATTERN = /^t(?:\s*([+-])\s*(\d+)\s*d?)?(.*)$/;

/** An event-relative deadline: days from the event date and an optional time of day. */
export interface EventOffset {
  readonly offsetDays: number;
  readonly minuteOfDay: number | null;
}

/**
 * Deadlines relative to the task's event date: `活动前3天`, `活动前一天`, `活动当天`,
 * `活动后1天`, `T-3d`, `T-1`, `T+1d`, `T`, optionally with a time (`活动前1天 18:00`,
 * `T-1 上午`). `null` when the text is not event-relative or its time cannot be read.
 */
export function parseEventOffset(
  text: string,
  now: Date,
  calendar: BusinessCalendar,
): EventOffset | null {
  const matched = matchEventOffset(text);
  if (!matched) return null;
  const { period, rest } = extractPeriod(matched.rest.trim());
  const reading = readDateAndClock(rest, now, calendar);
  if (!reading || reading.date) return null;
  return {
    offsetDays: matched.offsetDays,
    minuteOfDay: resolveMinute(reading.minuteOfDay, period, calendar.config),
  };
}

function matchEventOffset(text: string): { offsetDays: number; rest: string } | null {
  const offset = EVENT_OFFSET_PATTERN.exec(text);
  if (offset) {
    const days = parseNumberWord(offset[2] ?? '');
    if (days === null || !Number.isInteger(days)) return null;
    return { offsetDays: signed(offset[1] === '前', days), rest: offset[3] ?? '' };
  }
  const eventDay = EVENT_DAY_PATTERN.exec(text);
  if (eventDay) return { offsetDays: 0, rest: eventDay[1] ?? '' };
  const t = T_PATTERN.exec(text);
  if (!t) return null;
  return { offsetDays: signed(t[1] === '-', Number(t[2] ?? 0)), rest: t[3] ?? '' };
}

/** `-days` when before the event; never −0, so "T-0" equals "活动当天". */
function signed(before: boolean, days: number): number {
  return before && days !== 0 ? -days : days;
}
