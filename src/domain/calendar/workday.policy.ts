import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type { CalendarConfig, LocalDate } from './calendar.types.js';
import { cnStatutoryDayKind } from './cn-holidays.js';
import { weekdayOf } from './local-date.models.js';

/**
 * Builds the "is this date a working day?" rule for a configuration, memoised per date.
 * Precedence: `extraHolidays` (the org's own days off) beat `extraWorkdays`, which beat the
 * statutory calendar, which beats the Monday–Friday rule.
 */
export function createWorkdayRule(config: CalendarConfig): (date: LocalDate) => boolean {
  const extraHolidays = new Set(config.extraHolidays);
  const extraWorkdays = new Set(config.extraWorkdays);
  const cache = new Map<LocalDate, boolean>();
  return (date) => {
    let result = cache.get(date);
    if (result === undefined) {
      if (extraHolidays.has(date)) result = false;
      else if (extraWorkdays.has(date)) result = true;
      else result = statutoryWorkday(config.holidays, date);
      cache.set(date, result);
    }
    return result;
  };
}

function statutoryWorkday(holidays: CalendarConfig['holidays'], date: LocalDate): boolean {
  switch (holidays) {
    case 'cn': {
      const kind = cnStatutoryDayKind(date);
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
