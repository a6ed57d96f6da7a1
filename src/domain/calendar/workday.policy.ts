import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type { CalendarConfig, LocalDate } from './calendar.types.js';
import { weekdayOf } from './local-date.models.js';
import { officialScheduleOf, type YearSchedule } from './official-schedule.models.js';
import { statutoryFestivalOn } from './statutory-holidays.js';

/**
 * Builds the "is this date a working day?" rule for a configuration, memoised per date.
 * Precedence: `extraHolidays` (the org's own days off) beat `extraWorkdays`, which beat the
 * year's official schedule (holidays and 调休 make-up days) when one is loaded, or else the
 * statutory holidays computed by law, which beat the Monday–Friday rule.
 */
export function createWorkdayRule(config: CalendarConfig): (date: LocalDate) => boolean {
  const extraHolidays = new Set(config.extraHolidays);
  const extraWorkdays = new Set(config.extraWorkdays);
  const schedules = new Map<number, YearSchedule | null>();
  const scheduleOf = (year: number): YearSchedule | null => {
    let schedule = schedules.get(year);
    if (schedule === undefined) {
      schedule = officialScheduleOf(config, year);
      schedules.set(year, schedule);
    }
    return schedule;
  };
  const cache = new Map<LocalDate, boolean>();
  return (date) => {
    let result = cache.get(date);
    if (result === undefined) {
      if (extraHolidays.has(date)) result = false;
      else if (extraWorkdays.has(date)) result = true;
      else result = statutoryWorkday(config.holidays, date, scheduleOf);
      cache.set(date, result);
    }
    return result;
  };
}

function statutoryWorkday(
  holidays: CalendarConfig['holidays'],
  date: LocalDate,
  scheduleOf: (year: number) => YearSchedule | null,
): boolean {
  switch (holidays) {
    case 'cn': {
      const schedule = scheduleOf(Number(date.slice(0, 4)));
      if (schedule === null) return statutoryFestivalOn(date) === null && isMondayToFriday(date);
      const kind = schedule.dayKind(date);
      return kind === null ? isMondayToFriday(date) : kind === 'workday';
    }
    case 'none':
      return isMondayToFriday(date);
    default:
      return assertExhaustive(holidays);
  }
}

function isMondayToFriday(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}
