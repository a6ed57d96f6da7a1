import { describe, expect, it } from 'vitest';
import { formatDeadline } from '../../../../src/domain/deadline/deadline.formatter.js';
import { berlinCalendar, sh, shanghaiCalendar } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();

describe('formatDeadline', () => {
  it.each([
    ['2026-11-23 18:00', '今天 18:00'],
    ['2026-11-23 00:00', '今天 00:00'],
    ['2026-11-23 23:59', '今天 23:59'],
    ['2026-11-24 10:00', '明天 10:00'],
    ['2026-11-25 09:05', '后天 09:05'],
    ['2026-11-22 18:00', '昨天 18:00'],
    ['2026-11-21 18:00', '11月21日(周六) 18:00'],
    ['2026-11-26 18:00', '11月26日(周四) 18:00'],
    ['2026-11-29 18:00', '11月29日(周日) 18:00'],
    ['2026-11-30 18:00', '11月30日(周一) 18:00'],
    ['2026-01-01 09:00', '1月1日(周四) 09:00'],
    ['2026-12-31 23:59', '12月31日(周四) 23:59'],
    ['2027-01-04 18:00', '2027年1月4日 18:00'],
    ['2025-12-31 18:00', '2025年12月31日 18:00'],
  ])('%s, seen on Monday 2026-11-23 10:00 → %s', (at, expected) => {
    expect(formatDeadline(sh(at), { now: sh('2026-11-23 10:00'), calendar })).toBe(expected);
  });

  it.each([
    ['2027-01-01 10:00', '明天 10:00'],
    ['2027-01-02 10:00', '后天 10:00'],
    ['2027-01-03 10:00', '2027年1月3日 10:00'],
    ['2026-12-30 10:00', '昨天 10:00'],
  ])('%s, seen on 2026-12-31 → %s', (at, expected) => {
    expect(formatDeadline(sh(at), { now: sh('2026-12-31 10:00'), calendar })).toBe(expected);
  });

  it.each([
    ['2026-11-23T10:00:00Z', '今天 18:00'],
    ['2026-11-22T10:00:00Z', '昨天 18:00'],
    ['2026-11-22T16:00:00Z', '今天 00:00'],
  ])('on a UTC server at 2026-11-22T17:30Z (Shanghai 11-23 01:30): %s → %s', (iso, expected) => {
    expect(formatDeadline(new Date(iso), { now: new Date('2026-11-22T17:30:00Z'), calendar })).toBe(
      expected,
    );
  });

  it('drops seconds', () => {
    expect(
      formatDeadline(new Date('2026-11-23T10:00:59Z'), { now: sh('2026-11-23 10:00'), calendar }),
    ).toBe('今天 18:00');
  });

  it('shows Berlin wall-clock time after the DST change', () => {
    const berlin = berlinCalendar();
    expect(
      formatDeadline(new Date('2026-03-30T07:00:00Z'), {
        now: new Date('2026-03-27T11:00:00Z'),
        calendar: berlin,
      }),
    ).toBe('3月30日(周一) 09:00');
  });
});
