import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  CN_HOLIDAY_DATA_LAST_YEAR,
  cnStatutoryDayKind,
} from '../../../../src/domain/calendar/cn-holidays.js';

describe('cnStatutoryDayKind (2026, as published by the State Council)', () => {
  it.each([
    ['2026-01-01', 'holiday'],
    ['2026-01-03', 'holiday'],
    ['2026-01-04', 'workday'],
    ['2026-02-14', 'workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-28', 'workday'],
    ['2026-04-04', 'holiday'],
    ['2026-04-06', 'holiday'],
    ['2026-05-01', 'holiday'],
    ['2026-05-05', 'holiday'],
    ['2026-05-09', 'workday'],
    ['2026-06-19', 'holiday'],
    ['2026-06-21', 'holiday'],
    ['2026-09-20', 'workday'],
    ['2026-09-25', 'holiday'],
    ['2026-09-27', 'holiday'],
    ['2026-10-01', 'holiday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-10', 'workday'],
    ['2026-10-08', null],
    ['2026-02-24', null],
    ['2026-11-28', null],
    ['2027-01-01', null],
    ['2027-02-06', null],
  ] as const)('%s → %s', (date, kind) => {
    expect(cnStatutoryDayKind(date)).toBe(kind);
  });
});

describe('bundled data', () => {
  it('reaches at least 2026 (later years fall back to Monday–Friday)', () => {
    expect(CN_HOLIDAY_DATA_LAST_YEAR).toBeGreaterThanOrEqual(2026);
  });

  it('agrees with chinese-days isWorkday() for every day 2004–2027 (run under TZ=UTC)', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      const kind = cnStatutoryDayKind(date);
      const ours = kind === null ? weekday >= 1 && weekday <= 5 : kind === 'workday';
      if (ours !== chineseDays.isWorkday(date)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });
});
