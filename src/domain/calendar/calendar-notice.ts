import type { BusinessCalendar } from './calendar.types.js';
import { yearsWithoutSchedule } from './official-schedule.models.js';

/**
 * The one line a reply or card adds when a deadline lands in a year whose State Council
 * schedule is not loaded, so nobody takes a date computed from the law alone (no bridging
 * days, no 调休) for the official one: 「2027 年调休安排尚未载入，已按法定节假日计算」.
 * `null` when every deadline's year is known.
 */
export function unloadedScheduleNote(
  calendar: BusinessCalendar,
  deadlines: readonly Date[],
): string | null {
  const years = [...new Set(deadlines.map((at) => Number(calendar.localDate(at).slice(0, 4))))];
  const missing = yearsWithoutSchedule(
    calendar.config,
    years.sort((a, b) => a - b),
  );
  return missing.length > 0 ? `${missing.join('、')} 年调休安排尚未载入，已按法定节假日计算` : null;
}
