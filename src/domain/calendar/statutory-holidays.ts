/**
 * The days off that 《全国年节及纪念日放假办法》 (as revised in 2024, in force from 2025) gives
 * everyone, before the State Council's yearly notice adds bridging days and make-up working
 * days (调休). This is the floor for any year whose notice is not loaded.
 */
import type { LocalDate } from './calendar.types.js';
import { formatLocalDate } from './local-date.models.js';
import { LAST_LUNAR_YEAR, lunarNewYearsEve, lunarToGregorian } from './lunar-calendar.js';
import { FIRST_SOLAR_TERM_YEAR, qingmingDate } from './solar-terms.js';

/** The festivals of the 放假办法 that give all citizens a day off. */
export type StatutoryFestival =
  | '元旦'
  | '春节'
  | '清明节'
  | '劳动节'
  | '端午节'
  | '中秋节'
  | '国庆节';

export interface StatutoryHoliday {
  readonly date: LocalDate;
  readonly festival: StatutoryFestival;
}

/** Years whose lunar and solar-term dates can be computed; outside, only fixed dates are known. */
export const FIRST_COMPUTED_YEAR = FIRST_SOLAR_TERM_YEAR;
export const LAST_COMPUTED_YEAR = LAST_LUNAR_YEAR;

const cache = new Map<number, readonly StatutoryHoliday[]>();

/**
 * The statutory days off of `year`, in date order: 元旦 1月1日; 春节 除夕 and 正月初一至初三
 * (除夕 is the last day of the twelfth lunar month, the 29th or 30th); 清明 on its solar term;
 * 劳动节 5月1日、2日; 端午 五月初五; 中秋 八月十五; 国庆 10月1日至3日. Outside 2001–2099 only the
 * Gregorian-dated ones are returned (the lunar table and the 清明 formula end there).
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = computeYear(year);
    cache.set(year, holidays);
  }
  return holidays;
}

function computeYear(year: number): readonly StatutoryHoliday[] {
  const on = (month: number, day: number, festival: StatutoryFestival): StatutoryHoliday => ({
    date: formatLocalDate({ year, month, day }),
    festival,
  });
  const fixed = [
    on(1, 1, '元旦'),
    on(5, 1, '劳动节'),
    on(5, 2, '劳动节'),
    on(10, 1, '国庆节'),
    on(10, 2, '国庆节'),
    on(10, 3, '国庆节'),
  ];
  if (year < FIRST_COMPUTED_YEAR || year > LAST_COMPUTED_YEAR) return fixed;
  const lunar = (month: number, day: number, festival: StatutoryFestival): StatutoryHoliday => ({
    date: lunarToGregorian(year, month, day),
    festival,
  });
  const computed = [
    { date: lunarNewYearsEve(year - 1), festival: '春节' as const },
    lunar(1, 1, '春节'),
    lunar(1, 2, '春节'),
    lunar(1, 3, '春节'),
    { date: qingmingDate(year), festival: '清明节' as const },
    lunar(5, 5, '端午节'),
    lunar(8, 15, '中秋节'),
  ];
  return [...fixed, ...computed].sort((a, b) => a.date.localeCompare(b.date));
}

/** The statutory festival on `date`, or `null` on any other day. */
export function statutoryFestivalOn(date: LocalDate): StatutoryFestival | null {
  const year = Number(date.slice(0, 4));
  return statutoryHolidays(year).find((holiday) => holiday.date === date)?.festival ?? null;
}
