import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatLocalDate,
  isRealDate,
  parseLocalDate,
  weekdayOf,
} from '../../../../src/domain/calendar/local-date.models.js';

describe('parseLocalDate', () => {
  it.each([
    ['2026-01-01', { year: 2026, month: 1, day: 1 }],
    ['2026-12-31', { year: 2026, month: 12, day: 31 }],
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
    ['0099-03-01', { year: 99, month: 3, day: 1 }],
  ])('%s → parts', (text, parts) => {
    expect(parseLocalDate(text)).toEqual(parts);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-1',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00',
    '',
    ' 2026-01-01',
  ])('rejects %j', (text) => {
    expect(parseLocalDate(text)).toBeNull();
  });
});

describe('isRealDate', () => {
  it.each([
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2026, month: 2, day: 29 }, false],
    [{ year: 2100, month: 2, day: 29 }, false],
    [{ year: 2000, month: 2, day: 29 }, true],
    [{ year: 2026, month: 6, day: 31 }, false],
    [{ year: 2026, month: 12, day: 31 }, true],
  ])('%j → %s', (parts, expected) => {
    expect(isRealDate(parts)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 0, '2026-10-25'],
    ['2026-11-23', 7, '2026-11-30'],
    ['2026-11-23', -30, '2026-10-24'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s %+d → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('throws RangeError on a malformed date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-11-28', 6],
    ['2026-11-29', 0],
    ['2026-10-10', 6],
    ['2027-01-01', 5],
    ['2026-02-14', 6],
  ])('%s → %d', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-24', 1],
    ['2026-11-24', '2026-11-23', -1],
    ['2026-12-31', '2027-01-04', 4],
    ['2026-03-28', '2026-03-30', 2],
  ])('%s → %s = %d', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('properties', () => {
  const dateArb = fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2090-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('formatLocalDate ∘ parseLocalDate is the identity on valid dates', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const parts = parseLocalDate(date);
        expect(parts).not.toBeNull();
        expect(parts && formatLocalDate(parts)).toBe(date);
      }),
    );
  });

  it('daysBetween(d, addDays(d, n)) = n and addDays is invertible', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2000, max: 2000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(daysBetween(date, moved)).toBe(n);
        expect(addDays(moved, -n)).toBe(date);
      }),
    );
  });

  it('weekday advances by one per day', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(weekdayOf(addDays(date, 1))).toBe((weekdayOf(date) + 1) % 7);
      }),
    );
  });
});
