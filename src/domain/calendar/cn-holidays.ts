/**
 * The State Council's schedules bundled in the `chinese-days` package (years up to
 * {@link CN_HOLIDAY_DATA_LAST_YEAR}, 2026 in v1.5.7).
 *
 * We read the package's published table (`dist/chinese-days.json`) rather than calling its
 * `isWorkday()`: that function builds its table at import time by formatting dates in the
 * server's time zone, so on a server west of UTC every holiday lands one day early. The JSON
 * is the same data, already keyed by `YYYY-MM-DD`; a unit test checks it agrees with
 * `isWorkday()` under TZ=UTC.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { LocalDate } from './calendar.types.js';

const holidays: Readonly<Record<string, string>> = chineseDays.holidays;
const workdays: Readonly<Record<string, string>> = chineseDays.workdays;
const yearOf = (date: string) => Number(date.slice(0, 4));

/** The first and last years for which the bundled data lists any holiday. */
export const CN_HOLIDAY_DATA_FIRST_YEAR: number = Math.min(...Object.keys(holidays).map(yearOf));
export const CN_HOLIDAY_DATA_LAST_YEAR: number = Math.max(...Object.keys(holidays).map(yearOf));

/** Where the bundled schedules come from, as `baton calendar` shows it. */
export const CN_HOLIDAY_DATA_SOURCE = 'chinese-days 软件包（国务院办公厅历年通知）';

/** True when the bundled data holds the State Council's schedule of `year`. */
export function hasBundledSchedule(year: number): boolean {
  return year >= CN_HOLIDAY_DATA_FIRST_YEAR && year <= CN_HOLIDAY_DATA_LAST_YEAR;
}

/**
 * `holiday` for a day off in the bundled schedule, `workday` for a make-up working day,
 * `null` when the schedule says nothing about the date (so the weekday rule applies).
 */
export function cnStatutoryDayKind(date: LocalDate): 'holiday' | 'workday' | null {
  if (Object.hasOwn(workdays, date)) return 'workday';
  if (Object.hasOwn(holidays, date)) return 'holiday';
  return null;
}
