import { createBusinessCalendar } from '../../../../src/domain/calendar/business-calendar.js';
import type {
  BusinessCalendar,
  CalendarConfig,
} from '../../../../src/domain/calendar/calendar.types.js';

/** 09:00–18:00 in Asia/Shanghai with Chinese statutory holidays, plus any overrides. */
export function shanghaiCalendar(overrides: Partial<CalendarConfig> = {}): BusinessCalendar {
  return createBusinessCalendar({
    timezone: 'Asia/Shanghai',
    workStartMinute: 540,
    workEndMinute: 1080,
    holidays: 'cn',
    extraHolidays: [],
    extraWorkdays: [],
    officialSchedules: [],
    ...overrides,
  });
}

/** 09:00–18:00 Monday–Friday in Europe/Berlin (DST: 2026-03-29 and 2026-10-25). */
export function berlinCalendar(overrides: Partial<CalendarConfig> = {}): BusinessCalendar {
  return createBusinessCalendar({
    timezone: 'Europe/Berlin',
    workStartMinute: 540,
    workEndMinute: 1080,
    holidays: 'none',
    extraHolidays: [],
    extraWorkdays: [],
    officialSchedules: [],
    ...overrides,
  });
}

/** A Shanghai wall-clock literal (`2026-09-30 10:00`) as an instant; written with a fixed +08:00. */
export function sh(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

/** The Shanghai wall-clock literal of an instant (inverse of {@link sh}), for readable assertions. */
export function toSh(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
