import type { CalendarConfig } from '../../domain/calendar/calendar.types.js';
import { CN_HOLIDAY_DATA_FIRST_YEAR } from '../../domain/calendar/cn-holidays.js';
import { coverageOf } from '../../domain/calendar/official-schedule.models.js';

const ORIGIN_NAMES = {
  'org-file': 'org file',
  import: 'baton calendar import',
  baton: "Baton's calendars/",
  'chinese-days': 'bundled chinese-days data',
} as const;

/**
 * What `baton calendar` prints for one calendar: per year from `fromYear` to `toYear` (and any
 * later year with a loaded schedule), whether the State Council's schedule is loaded and from
 * where, or that only the statutory holidays are known.
 */
export function formatCalendarStatus(
  config: CalendarConfig,
  fromYear: number,
  toYear: number,
): string[] {
  if (config.holidays !== 'cn') return ['  Monday–Friday only (holidays: none)'];
  const loaded = config.officialSchedules.map((schedule) => schedule.year);
  const last = Math.max(toYear, ...loaded);
  const lines = [`  ${CN_HOLIDAY_DATA_FIRST_YEAR}–${fromYear - 1}: bundled chinese-days data`];
  for (let year = fromYear; year <= last; year++) {
    const coverage = coverageOf(config, year);
    lines.push(
      coverage.kind === 'official'
        ? `  ${year}: official schedule, ${ORIGIN_NAMES[coverage.origin]}: ${coverage.source}`
        : `  ${year}: not loaded — statutory holidays computed by law, no bridging days or 调休`,
    );
  }
  return lines;
}
