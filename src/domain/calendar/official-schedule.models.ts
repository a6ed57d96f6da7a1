import type {
  CalendarConfig,
  LocalDate,
  OfficialSchedule,
  ScheduleOrigin,
} from './calendar.types.js';
import {
  CN_HOLIDAY_DATA_LAST_YEAR,
  CN_HOLIDAY_DATA_SOURCE,
  cnStatutoryDayKind,
  hasBundledSchedule,
} from './cn-holidays.js';
import { weekdayOf } from './local-date.models.js';
import { statutoryHolidays } from './statutory-holidays.js';

/** How one year's days off are known. */
export type YearCoverage =
  | {
      readonly kind: 'official';
      readonly origin: ScheduleOrigin | 'chinese-days';
      readonly source: string;
    }
  /** No notice loaded: the statutory holidays computed by law, and Monday–Friday. */
  | { readonly kind: 'statutory' };

/** A year's official schedule as the workday rule reads it. */
export interface YearSchedule {
  /** `holiday`, `workday`, or `null` when the notice says nothing about the date. */
  dayKind(date: LocalDate): 'holiday' | 'workday' | null;
}

/**
 * The official schedule of `year` for a `cn` calendar: the first loaded one for that year
 * (org file, import, Baton's `calendars/`), else the one bundled in `chinese-days`, else `null`.
 */
export function officialScheduleOf(config: CalendarConfig, year: number): YearSchedule | null {
  const loaded = config.officialSchedules.find((schedule) => schedule.year === year);
  if (loaded) {
    const holidays = new Set(loaded.holidays);
    const workdays = new Set(loaded.workdays);
    return {
      dayKind: (date) => (workdays.has(date) ? 'workday' : holidays.has(date) ? 'holiday' : null),
    };
  }
  return hasBundledSchedule(year) ? { dayKind: cnStatutoryDayKind } : null;
}

/** How `year`'s days off are known under `config` (see {@link officialScheduleOf}). */
export function coverageOf(config: CalendarConfig, year: number): YearCoverage {
  const loaded = config.officialSchedules.find((schedule) => schedule.year === year);
  if (loaded) return { kind: 'official', origin: loaded.origin, source: loaded.source };
  if (hasBundledSchedule(year))
    return { kind: 'official', origin: 'chinese-days', source: CN_HOLIDAY_DATA_SOURCE };
  return { kind: 'statutory' };
}

/**
 * The last year with an official schedule: the latest loaded one or the bundled data's last
 * year, whichever is later. `null` for a calendar that does not follow the Chinese holidays.
 */
export function lastOfficialYear(config: CalendarConfig): number | null {
  if (config.holidays !== 'cn') return null;
  return Math.max(CN_HOLIDAY_DATA_LAST_YEAR, ...config.officialSchedules.map((s) => s.year));
}

/** Of `years`, those a `cn` calendar knows only by the statutory floor (none for `none`). */
export function yearsWithoutSchedule(config: CalendarConfig, years: readonly number[]): number[] {
  if (config.holidays !== 'cn') return [];
  return years.filter((year) => coverageOf(config, year).kind === 'statutory');
}

/** What a year's schedule lists, before it is known where it came from. */
export type ScheduleDays = Pick<OfficialSchedule, 'year' | 'holidays' | 'workdays'>;

/**
 * What is wrong with a year's schedule, as sentences (empty when nothing is): a date outside
 * the year, a date listed both as day off and as working day, a make-up working day that is not
 * a weekend, or a statutory holiday missing (a notice only ever adds days off to the law's).
 */
export function scheduleProblems({ year, holidays, workdays }: ScheduleDays): string[] {
  const problems: string[] = [];
  const outside = [...holidays, ...workdays].filter((date) => !date.startsWith(`${year}-`));
  if (outside.length > 0) problems.push(`dates outside ${year}: ${outside.join(', ')}`);
  const off = new Set(holidays);
  const both = workdays.filter((date) => off.has(date));
  if (both.length > 0) problems.push(`both a holiday and a workday: ${both.join(', ')}`);
  const weekdays = workdays.filter((date) => {
    const weekday = weekdayOf(date);
    return weekday >= 1 && weekday <= 5;
  });
  if (weekdays.length > 0)
    problems.push(`make-up workdays fall on weekends, these do not: ${weekdays.join(', ')}`);
  const missing = statutoryHolidays(year).filter((holiday) => !off.has(holiday.date));
  if (missing.length > 0) {
    const named = missing.map((holiday) => `${holiday.date} (${holiday.festival})`).join(', ');
    problems.push(`statutory holidays missing from holidays: ${named}`);
  }
  return problems;
}
