import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinCalendar, sh, shanghaiCalendar, toSh } from './calendar.fixtures.js';

const HOUR = 3_600_000;
const calendar = shanghaiCalendar();

describe('addWorkingDays (Asia/Shanghai, cn holidays)', () => {
  it.each([
    // National Day 2026: 10-01..10-07 off, 10-08 and 10-09 working, Saturday 10-10 make-up day.
    ['2026-09-30 10:00', 3, '2026-10-10 10:00'],
    ['2026-09-30 10:00', 0, '2026-09-30 10:00'],
    ['2026-09-30 10:00', 1, '2026-10-08 10:00'],
    ['2026-09-30 10:00', 2, '2026-10-09 10:00'],
    ['2026-09-30 10:00', 4, '2026-10-12 10:00'],
    ['2026-09-30 17:59', 1, '2026-10-08 17:59'],
    ['2026-09-30 18:00', 1, '2026-10-09 09:00'],
    ['2026-09-18 10:00', 1, '2026-09-20 10:00'],
    ['2026-09-24 10:00', 1, '2026-09-28 10:00'],
    // Spring Festival 2026: 02-15..02-23 off; Saturdays 02-14 and 02-28 are make-up days.
    ['2026-02-12 15:00', 3, '2026-02-24 15:00'],
    ['2026-02-13 10:00', 1, '2026-02-14 10:00'],
    ['2026-02-13 10:00', 2, '2026-02-24 10:00'],
    ['2026-02-13 10:00', 3, '2026-02-25 10:00'],
    ['2026-02-26 10:00', 2, '2026-02-28 10:00'],
    ['2026-02-26 10:00', 3, '2026-03-02 10:00'],
    // New Year 2026: 01-01..01-03 off, Sunday 01-04 make-up day.
    ['2025-12-31 10:00', 1, '2026-01-04 10:00'],
    ['2025-12-31 10:00', 2, '2026-01-05 10:00'],
    // Qingming, Labour Day, Dragon Boat.
    ['2026-04-03 10:00', 1, '2026-04-07 10:00'],
    ['2026-04-30 10:00', 1, '2026-05-06 10:00'],
    ['2026-05-08 10:00', 1, '2026-05-09 10:00'],
    ['2026-05-08 10:00', 2, '2026-05-11 10:00'],
    ['2026-06-18 10:00', 1, '2026-06-22 10:00'],
    // Ordinary weeks, month ends, the year end.
    ['2026-11-27 16:00', 1, '2026-11-30 16:00'],
    ['2026-11-27 16:00', 5, '2026-12-04 16:00'],
    ['2026-11-30 10:00', 1, '2026-12-01 10:00'],
    ['2026-01-30 10:00', 1, '2026-02-02 10:00'],
    ['2026-12-30 10:00', 2, '2027-01-04 10:00'], // over 元旦 2027, computed by law
    ['2026-12-31 10:00', 2, '2027-01-05 10:00'],
    // From a non-working moment: counted from the next working moment.
    ['2026-11-28 10:00', 0, '2026-11-30 09:00'],
    ['2026-11-28 10:00', 1, '2026-12-01 09:00'],
    ['2026-11-23 01:30', 1, '2026-11-24 09:00'],
    ['2026-10-03 12:00', 1, '2026-10-09 09:00'],
  ])('%s + %d working days → %s', (from, n, expected) => {
    expect(toSh(calendar.addWorkingDays(sh(from), n))).toBe(expected);
  });

  it('counts extra holidays and extra workdays', () => {
    const org = shanghaiCalendar({ extraHolidays: ['2026-11-30'], extraWorkdays: ['2026-11-28'] });
    expect(toSh(org.addWorkingDays(sh('2026-11-27 10:00'), 1))).toBe('2026-11-28 10:00');
    expect(toSh(org.addWorkingDays(sh('2026-11-27 10:00'), 2))).toBe('2026-12-01 10:00');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects n = %d with RangeError',
    (n) => {
      expect(() => calendar.addWorkingDays(sh('2026-11-23 10:00'), n)).toThrow(RangeError);
    },
  );
});

describe('addWorkingHours (09:00–18:00)', () => {
  it.each([
    ['2026-11-27 16:00', 4, '2026-11-30 11:00'],
    ['2026-11-23 09:00', 9, '2026-11-23 18:00'],
    ['2026-11-23 09:00', 9.5, '2026-11-24 09:30'],
    ['2026-11-23 14:00', 4, '2026-11-23 18:00'],
    ['2026-11-23 14:00', 0, '2026-11-23 14:00'],
    ['2026-11-23 20:00', 0, '2026-11-24 09:00'],
    ['2026-11-23 20:00', 4, '2026-11-24 13:00'],
    ['2026-11-23 10:00', 18, '2026-11-25 10:00'],
    ['2026-11-23 10:00', 0.25, '2026-11-23 10:15'],
    ['2026-11-23 17:00', 1.5, '2026-11-24 09:30'],
    ['2026-11-23 09:00', 45, '2026-11-27 18:00'],
    ['2026-11-28 10:00', 1, '2026-11-30 10:00'],
    ['2026-09-30 16:00', 2, '2026-09-30 18:00'],
    ['2026-09-30 16:00', 4, '2026-10-08 11:00'],
    ['2026-10-09 17:00', 2, '2026-10-10 10:00'],
    ['2026-02-13 17:00', 2, '2026-02-14 10:00'],
    ['2026-02-14 17:00', 2, '2026-02-24 10:00'],
    ['2026-04-30 17:00', 24, '2026-05-08 14:00'],
    ['2026-12-31 17:00', 2, '2027-01-04 10:00'],
    ['2026-11-22 17:30', 2, '2026-11-23 11:00'],
  ])('%s + %d working hours → %s', (from, hours, expected) => {
    expect(toSh(calendar.addWorkingHours(sh(from), hours))).toBe(expected);
  });

  it('follows custom business hours (08:30–17:30)', () => {
    const early = shanghaiCalendar({ workStartMinute: 510, workEndMinute: 1050 });
    expect(toSh(early.addWorkingHours(sh('2026-11-27 16:00'), 4))).toBe('2026-11-30 11:00');
    expect(toSh(early.addWorkingHours(sh('2026-11-27 17:45'), 1))).toBe('2026-11-30 09:30');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %d hours with RangeError',
    (hours) => {
      expect(() => calendar.addWorkingHours(sh('2026-11-23 10:00'), hours)).toThrow(RangeError);
    },
  );
});

describe('workingMsBetween', () => {
  it.each([
    ['2026-11-23 09:00', '2026-11-23 18:00', 9],
    ['2026-11-27 16:00', '2026-11-30 11:00', 4],
    ['2026-11-23 20:00', '2026-11-24 08:00', 0],
    ['2026-11-24 10:00', '2026-11-23 10:00', 0],
    ['2026-11-23 10:00', '2026-11-23 10:00', 0],
    ['2026-09-30 09:00', '2026-10-08 09:00', 9],
    ['2026-11-23 00:00', '2026-11-30 00:00', 45],
    // 02-13, Saturday 02-14, 02-24..02-27, Saturday 02-28.
    ['2026-02-13 00:00', '2026-03-01 00:00', 7 * 9],
    ['2026-10-01 00:00', '2026-10-11 00:00', 3 * 9],
    ['2026-01-01 00:00', '2027-01-01 00:00', 248 * 9],
  ])('%s → %s = %d h', (from, to, hours) => {
    expect(calendar.workingMsBetween(sh(from), sh(to))).toBe(hours * HOUR);
  });
});

describe('add (by unit)', () => {
  it.each([
    [{ unit: 'ms', ms: 2 * HOUR } as const, '2026-11-27 18:00'],
    [{ unit: 'ms', ms: 72 * HOUR } as const, '2026-11-30 16:00'],
    [{ unit: 'workdays', days: 1 } as const, '2026-11-30 16:00'],
    [{ unit: 'workhours', hours: 4 } as const, '2026-11-30 11:00'],
  ])('Friday 16:00 + %j → %s', (duration, expected) => {
    expect(toSh(calendar.add(sh('2026-11-27 16:00'), duration))).toBe(expected);
  });
});

describe('Europe/Berlin across DST', () => {
  const berlin = berlinCalendar();
  it.each([
    // Spring forward on Sunday 2026-03-29: Friday is +01:00, Monday +02:00.
    ['addWorkingDays', '2026-03-27T09:00:00Z', 1, '2026-03-30T08:00:00.000Z'],
    ['addWorkingHours', '2026-03-27T15:00:00Z', 4, '2026-03-30T09:00:00.000Z'],
    // Fall back on Sunday 2026-10-25: Friday is +02:00, Monday +01:00.
    ['addWorkingDays', '2026-10-23T08:00:00Z', 1, '2026-10-26T09:00:00.000Z'],
    ['addWorkingHours', '2026-10-23T14:00:00Z', 4, '2026-10-26T10:00:00.000Z'],
  ] as const)('%s(%s, %d) → %s', (method, iso, amount, expected) => {
    expect(berlin[method](new Date(iso), amount).toISOString()).toBe(expected);
  });

  it.each([
    ['2026-03-27T08:00:00Z', '2026-03-30T16:00:00Z', 18],
    ['2026-10-23T07:00:00Z', '2026-10-26T17:00:00Z', 18],
  ])('workingMsBetween(%s, %s) = %d h', (from, to, hours) => {
    expect(berlin.workingMsBetween(new Date(from), new Date(to))).toBe(hours * HOUR);
  });
});

describe('properties', () => {
  const instantArb = fc.date({
    min: new Date('2025-06-01T00:00:00Z'),
    max: new Date('2027-06-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const hoursArb = fc.integer({ min: 0, max: 400 }).map((quarters) => quarters / 4);
  const calendars = [
    ['Asia/Shanghai', shanghaiCalendar()],
    ['Europe/Berlin', berlinCalendar()],
  ] as const;

  it.each(calendars)(
    '%s: addWorkingHours lands on a working moment or a closing time',
    (_, cal) => {
      fc.assert(
        fc.property(instantArb, hoursArb, (from, hours) => {
          const result = cal.addWorkingHours(from, hours);
          const date = cal.localDate(result);
          const atClosing =
            cal.isWorkday(date) && result.getTime() === cal.endOfWorkday(date).getTime();
          expect(cal.isWorkingMoment(result) || atClosing).toBe(true);
        }),
      );
    },
  );

  it.each(calendars)(
    '%s: workingMsBetween measures exactly what addWorkingHours added',
    (_, cal) => {
      fc.assert(
        fc.property(instantArb, hoursArb, (from, hours) => {
          const start = cal.nextWorkingMoment(from);
          expect(cal.workingMsBetween(start, cal.addWorkingHours(from, hours))).toBe(hours * HOUR);
        }),
      );
    },
  );

  it.each(calendars)('%s: addWorkingDays is monotonic in the start and in n', (_, cal) => {
    fc.assert(
      fc.property(instantArb, instantArb, fc.nat(30), fc.nat(30), (a, b, n, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(early, n).getTime()).toBeLessThanOrEqual(
          cal.addWorkingDays(late, n).getTime(),
        );
        const [few, many] = n <= m ? [n, m] : [m, n];
        expect(cal.addWorkingDays(a, few).getTime()).toBeLessThanOrEqual(
          cal.addWorkingDays(a, many).getTime(),
        );
      }),
    );
  });

  it.each(calendars)(
    '%s: addWorkingDays lands on a working moment n working days later',
    (_, cal) => {
      fc.assert(
        fc.property(instantArb, fc.nat(30), (from, n) => {
          const result = cal.addWorkingDays(from, n);
          expect(cal.isWorkingMoment(result)).toBe(true);
          let date = cal.localDate(cal.nextWorkingMoment(from));
          for (let i = 0; i < n; i++) date = cal.nextWorkday(date);
          expect(cal.localDate(result)).toBe(date);
        }),
      );
    },
  );
});
