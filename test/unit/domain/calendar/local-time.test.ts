import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  instantAt,
  isKnownTimezone,
  wallClockAt,
} from '../../../../src/domain/calendar/local-time.js';

const MINUTE = 60_000;

describe('wallClockAt', () => {
  it.each([
    ['2026-11-22T17:30:00Z', 'Asia/Shanghai', '2026-11-23', 90],
    ['2026-11-22T15:59:00Z', 'Asia/Shanghai', '2026-11-22', 23 * 60 + 59],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2027-01-01', 0],
    ['2026-03-29T00:59:00Z', 'Europe/Berlin', '2026-03-29', 60 + 59],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29', 3 * 60],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25', 2 * 60 + 30],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25', 2 * 60 + 30],
    ['2026-11-23T03:00:00Z', 'America/New_York', '2026-11-22', 22 * 60],
    ['2026-11-23T00:00:00Z', 'Asia/Kolkata', '2026-11-23', 5 * 60 + 30],
    ['2026-11-23T00:00:00Z', 'Asia/Kathmandu', '2026-11-23', 5 * 60 + 45],
    ['2026-11-23T00:00:00Z', 'UTC', '2026-11-23', 0],
  ])('%s in %s → %s + %d min', (iso, zone, date, minute) => {
    expect(wallClockAt(new Date(iso), zone)).toEqual({ date, msOfDay: minute * MINUTE });
  });

  it('keeps seconds and milliseconds', () => {
    expect(wallClockAt(new Date('2026-11-23T01:02:03.456Z'), 'Asia/Shanghai').msOfDay).toBe(
      ((9 * 60 + 2) * 60 + 3) * 1000 + 456,
    );
  });
});

describe('instantAt', () => {
  it.each([
    ['2026-09-30', 600, 'Asia/Shanghai', '2026-09-30T02:00:00.000Z'],
    ['2026-11-23', 0, 'Asia/Shanghai', '2026-11-22T16:00:00.000Z'],
    ['2026-11-23', 1440, 'Asia/Shanghai', '2026-11-23T16:00:00.000Z'],
    ['2026-03-27', 600, 'Europe/Berlin', '2026-03-27T09:00:00.000Z'],
    ['2026-03-30', 600, 'Europe/Berlin', '2026-03-30T08:00:00.000Z'],
    // 02:30 does not exist on 2026-03-29 in Berlin: moved forward by the one-hour gap.
    ['2026-03-29', 150, 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice on 2026-10-25 in Berlin: the earlier one wins.
    ['2026-10-25', 150, 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', 240, 'Europe/Berlin', '2026-10-25T03:00:00.000Z'],
    ['2026-03-08', 150, 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01', 90, 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-11-23', 540, 'Asia/Kathmandu', '2026-11-23T03:15:00.000Z'],
  ])('%s + %d min in %s → %s', (date, minute, zone, iso) => {
    expect(instantAt(date, minute * MINUTE, zone).toISOString()).toBe(iso);
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => instantAt('2026-02-30', 0, 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('isKnownTimezone', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('%j → %s', (zone, known) => {
    expect(isKnownTimezone(zone)).toBe(known);
  });
});

describe('properties', () => {
  const instantArb = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2080-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it.each(['Asia/Shanghai', 'Asia/Kolkata', 'UTC'])(
    'instantAt inverts wallClockAt in %s (no DST)',
    (zone) => {
      fc.assert(
        fc.property(instantArb, (at) => {
          const clock = wallClockAt(at, zone);
          expect(instantAt(clock.date, clock.msOfDay, zone).getTime()).toBe(at.getTime());
        }),
      );
    },
  );

  it('in Europe/Berlin, instantAt always shows the wall clock it was asked for, outside gaps', () => {
    fc.assert(
      fc.property(instantArb, (at) => {
        const clock = wallClockAt(at, 'Europe/Berlin');
        const back = instantAt(clock.date, clock.msOfDay, 'Europe/Berlin');
        expect(wallClockAt(back, 'Europe/Berlin')).toEqual(clock);
        expect(back.getTime()).toBeLessThanOrEqual(at.getTime());
      }),
    );
  });
});
