/**
 * Chinese lunar dates as Gregorian dates, by counting days from a known new year.
 *
 * The month lengths come from `chinese-days`' lunar table through `monthDays()` and
 * `getYearLeapMonth()`, which only read bits of that table. The package's own conversions
 * (`getSolarDateFromLunar`, `getLunarDate`) go through `Date` objects in the server's zone and
 * answer a day early west of UTC, so the day counting is done here, on plain dates.
 */
import chineseDays from 'chinese-days';
import type { LocalDate } from './calendar.types.js';
import { addDays } from './local-date.models.js';

/** 正月初一 of lunar year 1900, where the package's table starts. */
const TABLE_START: LocalDate = '1900-01-31';
export const FIRST_LUNAR_YEAR = 1900;
/** The table's last complete year (its 2100 entry has no following year to check against). */
export const LAST_LUNAR_YEAR = 2099;

const yearLengths = new Map<number, number>();

/** Days in lunar year `year`: its twelve months plus the leap month, if any. */
function lunarYearDays(year: number): number {
  let days = yearLengths.get(year);
  if (days === undefined) {
    days = chineseDays.getYearLeapMonth(year).days;
    for (let month = 1; month <= 12; month++) days += chineseDays.monthDays(year, month);
    yearLengths.set(year, days);
  }
  return days;
}

/**
 * The Gregorian date of lunar `year`-`month`-`day` in a regular (not leap) month.
 * @throws RangeError outside lunar years 1900–2099 or for a day the month does not have.
 */
export function lunarToGregorian(year: number, month: number, day: number): LocalDate {
  assertLunarYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`No lunar month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > chineseDays.monthDays(year, month))
    throw new RangeError(`Lunar ${year}-${month} has no day ${day}`);
  let offset = day - 1;
  for (let y = FIRST_LUNAR_YEAR; y < year; y++) offset += lunarYearDays(y);
  const leapMonth = chineseDays.getYearLeapMonth(year);
  for (let m = 1; m < month; m++) offset += chineseDays.monthDays(year, m);
  // A leap month follows the regular month of the same number.
  if (leapMonth.leapMonth !== undefined && leapMonth.leapMonth < month) offset += leapMonth.days;
  return addDays(TABLE_START, offset);
}

/**
 * 除夕, the last day of lunar `year` (the 29th or 30th of its twelfth month): the day before
 * the next lunar new year.
 * @throws RangeError outside lunar years 1900–2098.
 */
export function lunarNewYearsEve(year: number): LocalDate {
  return addDays(lunarToGregorian(year + 1, 1, 1), -1);
}

function assertLunarYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR)
    throw new RangeError(`Lunar year ${year} is outside ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
}
