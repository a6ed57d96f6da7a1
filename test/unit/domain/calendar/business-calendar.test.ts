import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../src/domain/calendar/business-calendar.js';
import type { CalendarConfig } from '../../../../src/domain/calendar/calendar.types.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { berlinCalendar, sh, shanghaiCalendar, toSh } from './calendar.fixtures.js';

const calendar = shanghaiCalendar();

describe('localDate and minuteOfDay in the org zone on a UTC server', () => {
  it.each([
    ['2026-11-22T17:30:00Z', '2026-11-23', 90],
    ['2026-11-22T15:59:59Z', '2026-11-22', 1439],
    ['2026-11-22T16:00:00Z', '2026-11-23', 0],
    ['2026-12-31T16:00:00Z', '2027-01-01', 0],
    ['2026-02-28T16:30:00Z', '2026-03-01', 30],
  ])('%s → %s, minute %d', (iso, date, minute) => {
    expect(calendar.localDate(new Date(iso))).toBe(date);
    expect(calendar.minuteOfDay(new Date(iso))).toBe(minute);
  });
});

describe('isWorkingMoment', () => {
  it.each([
    ['2026-11-23 09:00', true],
    ['2026-11-23 08:59', false],
    ['2026-11-23 17:59', true],
    ['2026-11-23 18:00', false],
    ['2026-11-23 01:30', false],
    ['2026-11-28 10:00', false],
    ['2026-10-10 10:00', true],
    ['2026-10-01 10:00', false],
    ['2026-02-14 10:00', true],
    ['2026-02-16 10:00', false],
    ['2026-01-04 09:00', true],
    ['2026-09-20 17:00', true],
  ])('%s → %s', (local, expected) => {
    expect(calendar.isWorkingMoment(sh(local))).toBe(expected);
  });
});

describe('nextWorkingMoment', () => {
  it.each([
    ['2026-11-23 08:00', '2026-11-23 09:00'],
    ['2026-11-23 10:00', '2026-11-23 10:00'],
    ['2026-11-23 18:00', '2026-11-24 09:00'],
    ['2026-11-27 18:30', '2026-11-30 09:00'],
    ['2026-11-28 10:00', '2026-11-30 09:00'],
    ['2026-09-30 17:00', '2026-09-30 17:00'],
    ['2026-09-30 18:00', '2026-10-08 09:00'],
    ['2026-10-09 19:00', '2026-10-10 09:00'],
    ['2026-02-13 18:00', '2026-02-14 09:00'],
    ['2026-02-14 18:00', '2026-02-24 09:00'],
    ['2025-12-31 18:00', '2026-01-04 09:00'],
    ['2026-04-03 18:00', '2026-04-07 09:00'],
    ['2026-04-30 18:00', '2026-05-06 09:00'],
    ['2026-05-08 18:00', '2026-05-09 09:00'],
    ['2026-06-18 18:00', '2026-06-22 09:00'],
    ['2026-09-19 12:00', '2026-09-20 09:00'],
    ['2026-09-24 18:00', '2026-09-28 09:00'],
    ['2026-11-30 23:59', '2026-12-01 09:00'],
    // Beyond the package data: the statutory holidays computed by law.
    ['2026-12-31 18:00', '2027-01-04 09:00'], // 元旦 2027 (Friday) is a statutory holiday
  ])('%s → %s', (from, expected) => {
    expect(toSh(calendar.nextWorkingMoment(sh(from)))).toBe(expected);
  });

  it('uses extra holidays beyond the package data', () => {
    const withNewYear = shanghaiCalendar({ extraHolidays: ['2027-01-01'] });
    expect(toSh(withNewYear.nextWorkingMoment(sh('2026-12-31 18:00')))).toBe('2027-01-04 09:00');
  });

  it('on a UTC server, 17:30Z Sunday is already Monday 01:30 in Shanghai', () => {
    expect(calendar.nextWorkingMoment(new Date('2026-11-22T17:30:00Z')).toISOString()).toBe(
      '2026-11-23T01:00:00.000Z',
    );
  });
});

describe('nextWorkday / previousWorkday', () => {
  it.each([
    ['2026-09-30', '2026-10-08', '2026-09-29'],
    ['2026-10-08', '2026-10-09', '2026-09-30'],
    ['2026-10-10', '2026-10-12', '2026-10-09'],
    ['2026-10-04', '2026-10-08', '2026-09-30'],
    ['2026-02-14', '2026-02-24', '2026-02-13'],
    ['2026-02-24', '2026-02-25', '2026-02-14'],
    ['2026-03-01', '2026-03-02', '2026-02-28'],
    ['2026-01-01', '2026-01-04', '2025-12-31'],
    ['2026-12-31', '2027-01-04', '2026-12-30'],
  ])('%s → next %s, previous %s', (date, next, previous) => {
    expect(calendar.nextWorkday(date)).toBe(next);
    expect(calendar.previousWorkday(date)).toBe(previous);
  });
});

describe('atLocalTime and endOfWorkday', () => {
  it.each([
    ['2026-11-30', 1080, '2026-11-30T10:00:00.000Z'],
    ['2026-11-30', 540, '2026-11-30T01:00:00.000Z'],
    ['2026-12-31', 1439, '2026-12-31T15:59:00.000Z'],
    ['2027-01-01', 0, '2026-12-31T16:00:00.000Z'],
  ])('%s at minute %d → %s', (date, minute, iso) => {
    expect(calendar.atLocalTime(date, minute).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-11-30', '2026-11-30T10:00:00.000Z'],
    ['2026-10-01', '2026-10-01T10:00:00.000Z'],
  ])('endOfWorkday(%s) → %s, even on a holiday', (date, iso) => {
    expect(calendar.endOfWorkday(date).toISOString()).toBe(iso);
  });
});

describe('configuration checks', () => {
  const valid: CalendarConfig = calendar.config;
  it.each([
    [{ timezone: 'Mars/Olympus_Mons' }, 'calendar.invalid_timezone'],
    [{ timezone: '' }, 'calendar.invalid_timezone'],
    [{ workStartMinute: 1080, workEndMinute: 540 }, 'calendar.invalid_work_hours'],
    [{ workStartMinute: 540, workEndMinute: 540 }, 'calendar.invalid_work_hours'],
    [{ workStartMinute: -1 }, 'calendar.invalid_work_hours'],
    [{ workEndMinute: 1441 }, 'calendar.invalid_work_hours'],
    [{ workStartMinute: 540.5 }, 'calendar.invalid_work_hours'],
    [{ extraHolidays: ['2026-13-01'] }, 'calendar.invalid_date'],
    [{ extraWorkdays: ['next monday'] }, 'calendar.invalid_date'],
  ] as const)('%j → %s', (overrides, code) => {
    expect(() => createBusinessCalendar({ ...valid, ...overrides })).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('accepts a 24-hour day and other zones', () => {
    expect(() =>
      createBusinessCalendar({ ...valid, workStartMinute: 0, workEndMinute: 1440 }),
    ).not.toThrow();
    expect(() => createBusinessCalendar({ ...valid, timezone: 'America/New_York' })).not.toThrow();
  });

  it('reports calendar.no_workdays when ten years hold no working day', () => {
    const start = Date.UTC(2026, 0, 1);
    const everyDay = Array.from({ length: 3700 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    const closed = shanghaiCalendar({ extraHolidays: everyDay });
    const error = (() => {
      try {
        closed.nextWorkday('2026-01-01');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'calendar.no_workdays' });
  });
});

describe('Europe/Berlin across DST', () => {
  const berlin = berlinCalendar();
  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-29', 30],
    ['2026-03-29T01:00:00Z', '2026-03-29', 180],
    ['2026-10-25T00:59:00Z', '2026-10-25', 179],
    ['2026-10-25T01:00:00Z', '2026-10-25', 120],
  ])('%s → %s minute %d', (iso, date, minute) => {
    expect(berlin.localDate(new Date(iso))).toBe(date);
    expect(berlin.minuteOfDay(new Date(iso))).toBe(minute);
  });

  it.each([
    ['2026-03-27', '2026-03-27T17:00:00.000Z'],
    ['2026-03-30', '2026-03-30T16:00:00.000Z'],
    ['2026-10-23', '2026-10-23T16:00:00.000Z'],
    ['2026-10-26', '2026-10-26T17:00:00.000Z'],
  ])('endOfWorkday(%s) = 18:00 local = %s', (date, iso) => {
    expect(berlin.endOfWorkday(date).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-28T12:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-03-27T17:00:00Z', '2026-03-30T07:00:00.000Z'],
    ['2026-10-24T12:00:00Z', '2026-10-26T08:00:00.000Z'],
  ])('nextWorkingMoment(%s) = Monday 09:00 local = %s', (iso, expected) => {
    expect(berlin.nextWorkingMoment(new Date(iso)).toISOString()).toBe(expected);
  });
});

describe('properties', () => {
  const instantArb = fc.date({
    min: new Date('2025-06-01T00:00:00Z'),
    max: new Date('2027-06-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const calendars = [
    ['Asia/Shanghai cn', shanghaiCalendar()],
    ['Europe/Berlin', berlinCalendar()],
    [
      'Asia/Shanghai 08:30–17:30 with extras',
      shanghaiCalendar({
        workStartMinute: 510,
        workEndMinute: 1050,
        extraHolidays: ['2026-11-27'],
        extraWorkdays: ['2026-11-28'],
      }),
    ],
  ] as const;

  it.each(calendars)(
    '%s: nextWorkingMoment is idempotent, not earlier, and a working moment',
    (_, cal) => {
      fc.assert(
        fc.property(instantArb, (at) => {
          const next = cal.nextWorkingMoment(at);
          expect(cal.nextWorkingMoment(next).getTime()).toBe(next.getTime());
          expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
          expect(cal.isWorkingMoment(next)).toBe(true);
        }),
      );
    },
  );

  it.each(calendars)(
    '%s: no working moment is skipped between at and nextWorkingMoment(at)',
    (_, cal) => {
      fc.assert(
        fc.property(instantArb, fc.integer({ min: 0, max: 100 }), (at, share) => {
          const next = cal.nextWorkingMoment(at);
          const between = new Date(at.getTime() + ((next.getTime() - at.getTime()) * share) / 101);
          expect(cal.isWorkingMoment(between) && between < next).toBe(false);
        }),
      );
    },
  );
});
