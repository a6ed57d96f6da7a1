import type { CalendarConfig, LocalDate, ScheduleOrigin } from './calendar.types.js';
import {
  CN_HOLIDAY_DATA_LAST_YEAR,
  CN_HOLIDAY_DATA_SOURCE,
  cnStatutoryDayKind,
  hasBundledSchedule,
} from './cn-holidays.js';

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
