import { describe, expect, it } from 'vitest';
import type { CalendarConfig } from '../../../../src/domain/calendar/calendar.types.js';
import { createWorkdayRule } from '../../../../src/domain/calendar/workday.policy.js';

const BASE: CalendarConfig = {
  timezone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: 'cn',
  extraHolidays: [],
  extraWorkdays: [],
  officialSchedules: [],
};

// The 2026 arrangement, written out independently of the package data.
const HOLIDAYS_2026 = [
  ...range('2026-01-01', 3),
  ...range('2026-02-15', 9),
  ...range('2026-04-04', 3),
  ...range('2026-05-01', 5),
  ...range('2026-06-19', 3),
  ...range('2026-09-25', 3),
  ...range('2026-10-01', 7),
];
const MAKEUP_WORKDAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

function range(first: string, days: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

function expectedCnWorkday(date: string): boolean {
  if (MAKEUP_WORKDAYS_2026.includes(date)) return true;
  if (HOLIDAYS_2026.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

const ALL_2026 = range('2026-01-01', 365);

describe("holidays: 'cn' — every day of 2026", () => {
  const isWorkday = createWorkdayRule(BASE);
  it.each(ALL_2026.map((date) => [date, expectedCnWorkday(date)] as const))(
    '%s → %s',
    (date, expected) => {
      expect(isWorkday(date)).toBe(expected);
    },
  );

  it('2026 has 248 working days (261 weekdays − 19 weekday holidays + 6 make-up days)', () => {
    expect(ALL_2026.filter(isWorkday)).toHaveLength(248);
  });
});

describe("holidays: 'cn' beyond the package data, without a loaded schedule", () => {
  const isWorkday = createWorkdayRule(BASE);
  it.each([
    ['2027-01-01', false], // Friday, 元旦: the statutory floor, though chinese-days 1.5.7 stops at 2026
    ['2027-01-02', false],
    ['2027-01-04', true],
    ['2027-02-05', false], // 除夕 (Friday)
    ['2027-02-08', false], // 初三 (Monday)
    ['2027-02-09', true], // 初四: no bridging day without the notice
    ['2027-10-01', false],
    ['2027-10-04', true],
  ])('%s → %s (statutory holidays, else Monday–Friday)', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });
});

describe("holidays: 'none'", () => {
  const isWorkday = createWorkdayRule({ ...BASE, holidays: 'none' });
  it.each([
    ['2026-10-01', true],
    ['2026-10-10', false],
    ['2026-02-16', true],
    ['2026-02-14', false],
    ['2026-11-27', true],
    ['2026-11-28', false],
    ['2026-11-29', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });
});

describe('extra holidays and workdays', () => {
  const isWorkday = createWorkdayRule({
    ...BASE,
    extraHolidays: ['2026-11-27', '2026-10-10', '2026-12-24'],
    extraWorkdays: ['2026-11-28', '2026-10-03', '2026-12-24', '2027-01-02'],
  });
  it.each([
    ['2026-11-27', false, 'org day off on a Friday'],
    ['2026-10-10', false, 'org day off on a statutory make-up day'],
    ['2026-11-28', true, 'org working Saturday'],
    ['2026-10-03', true, 'org working day inside National Day'],
    ['2026-12-24', false, 'listed in both: the day off wins'],
    ['2027-01-02', true, 'org working Saturday beyond the data'],
    ['2026-11-26', true, 'untouched Thursday'],
    ['2026-11-29', false, 'untouched Sunday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });
});

describe('a loaded official schedule beyond the package data', () => {
  const isWorkday = createWorkdayRule({
    ...BASE,
    officialSchedules: [
      {
        year: 2027,
        // A bridging Monday off and a make-up Saturday, as a notice would add them.
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-09'],
        workdays: ['2027-02-20'],
        origin: 'import',
        source: 'test',
      },
    ],
  });
  it.each([
    ['2027-01-01', false, 'listed'],
    ['2027-02-09', false, 'a bridging day the law does not give'],
    ['2027-02-20', true, 'a make-up Saturday'],
    ['2027-02-05', true, 'not listed: the notice, not the law, decides the year'],
    ['2028-01-01', false, 'a year without a schedule: the law'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });
});
