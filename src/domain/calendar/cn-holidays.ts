/**
 * Chinese statutory holidays and make-up working days (调休), from the `chinese-days` package.
 *
 * We read the package's published table (`dist/chinese-days.json`) rather than calling its
 * `isWorkday()`: that function builds its table at import time by formatting dates in the
 * server's time zone, so on a server west of UTC every holiday lands one day early. The JSON
 * is the same data, already keyed by `YYYY-MM-DD`; a unit test checks it agrees with
 * `isWorkday()` under TZ=UTC.
 *
 * The package only has data through {@link CN_HOLIDAY_DATA_LAST_YEAR} (2026 in v1.5.7).
 * For later years no date is listed, so {@link cnStatutoryDayKind} returns `null` and the
 * calendar falls back to plain Monday–Friday until the package is updated (or the org file
 * lists the days in `extraHolidays` / `extraWorkdays`).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { LocalDate } from './calendar.types.js';

const holidays: Readonly<Record<string, string>> = chineseDays.holidays;
const workdays: Readonly<Record<string, string>> = chineseDays.workdays;

/** The last year for which the bundled data lists any holiday. */
export const CN_HOLIDAY_DATA_LAST_YEAR: number = Math.max(
  ...Object.keys(holidays).map((date) => Number(date.slice(0, 4))),
);

/**
 * `holiday` for a statutory day off, `workday` for an official make-up working day,
 * `null` when the state says nothing about the date (so the weekday rule applies).
 */
export function cnStatutoryDayKind(date: LocalDate): 'holiday' | 'workday' | null {
  if (Object.hasOwn(workdays, date)) return 'workday';
  if (Object.hasOwn(holidays, date)) return 'holiday';
  return null;
}
