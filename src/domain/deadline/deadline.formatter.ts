import { daysBetween, parseLocalDate, weekdayOf } from '../calendar/local-date.models.js';
import { formatMinuteOfDay } from '../calendar/minute-of-day.models.js';
import type { DeadlineFormatContext } from './deadline.types.js';

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const NEARBY_DAY_NAMES: ReadonlyMap<number, string> = new Map([
  [-1, '昨天'],
  [0, '今天'],
  [1, '明天'],
  [2, '后天'],
]);

/**
 * A deadline as a short Chinese phrase in the org's zone: `今天 18:00`, `明天 10:00`,
 * `11月30日(周一) 18:00`, and with the year when it differs from now's: `2027年1月4日 18:00`.
 */
export function formatDeadline(at: Date, context: DeadlineFormatContext): string {
  return `${formatDeadlineDay(at, context)} ${formatMinuteOfDay(context.calendar.minuteOfDay(at))}`;
}

/** The day of {@link formatDeadline} alone: `明天`, `12月4日(周五)`, `2027年1月4日`. */
export function formatDeadlineDay(at: Date, { now, calendar }: DeadlineFormatContext): string {
  const date = calendar.localDate(at);
  const nearby = NEARBY_DAY_NAMES.get(daysBetween(calendar.localDate(now), date));
  if (nearby) return nearby;
  const parts = parseLocalDate(date);
  const nowParts = parseLocalDate(calendar.localDate(now));
  if (!parts || !nowParts) throw new RangeError(`Unrepresentable instant: ${at.toISOString()}`);
  if (parts.year !== nowParts.year) return `${parts.year}年${parts.month}月${parts.day}日`;
  return `${parts.month}月${parts.day}日(${WEEKDAY_NAMES[weekdayOf(date)]})`;
}
