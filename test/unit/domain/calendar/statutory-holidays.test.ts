import { describe, expect, it } from 'vitest';
import { cnStatutoryDayKind } from '../../../../src/domain/calendar/cn-holidays.js';
import { addDays } from '../../../../src/domain/calendar/local-date.models.js';
import {
  lunarNewYearsEve,
  lunarToGregorian,
} from '../../../../src/domain/calendar/lunar-calendar.js';
import { qingmingDate } from '../../../../src/domain/calendar/solar-terms.js';
import {
  statutoryFestivalOn,
  statutoryHolidays,
} from '../../../../src/domain/calendar/statutory-holidays.js';

/**
 * Gregorian dates of the lunar and solar-term festivals, copied from public references (not
 * computed), each column naming its source:
 * - 春节 (正月初一) 2025–2033: https://excelnotes.com/chinese-new-year
 * - 清明 2025–2030: https://www.rili.com.cn/qingmingjie/102136.html (2020–2030 table)
 * - 端午 2025–2026: https://excelnotes.com/dragon-boat-festival-china/; 2027:
 *   https://worldclocktools.com/holiday/dragon-boat-festival/; 2028–2032:
 *   https://www.xiaozhu88.cn/zhushou/jieri/2028-415.html (with the lunar dates 五月初五)
 * - 中秋 2025: 国务院办公厅关于2025年部分节假日安排的通知 (中秋 10月6日, as bundled in chinese-days);
 *   2026–2035: https://days-to.com/mid-autumn-festival, except 2032 and 2035, where that page
 *   says 09-20 and 09-17: the eighth month's new moon falls on 2032-09-05 04:57 and 2035-09-02
 *   09:59 Beijing time (Meeus, Astronomical Algorithms ch. 49), so 八月十五 is 09-19 and 09-16.
 * `null`: no reference found for that year (see the structural checks below).
 */
const REFERENCE: ReadonlyArray<
  readonly [
    year: number,
    springFestival: string | null,
    qingming: string | null,
    dragonBoat: string | null,
    midAutumn: string,
  ]
> = [
  [2025, '2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'],
  [2026, '2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'],
  [2027, '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
  [2028, '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
  [2029, '2029-02-13', '2029-04-04', '2029-06-16', '2029-09-22'],
  [2030, '2030-02-03', '2030-04-05', '2030-06-05', '2030-09-12'],
  [2031, '2031-01-23', null, '2031-06-24', '2031-10-01'],
  [2032, '2032-02-11', null, '2032-06-12', '2032-09-19'],
  [2033, '2033-01-31', null, null, '2033-09-08'],
  [2034, null, null, null, '2034-09-27'],
  [2035, null, null, null, '2035-09-16'],
];

const datesOf = (year: number, festival: string) =>
  statutoryHolidays(year)
    .filter((holiday) => holiday.festival === festival)
    .map((holiday) => holiday.date);

describe('statutory holidays against public references, 2025–2035', () => {
  it.each(REFERENCE)('%i', (year, springFestival, qingming, dragonBoat, midAutumn) => {
    if (springFestival) {
      expect(datesOf(year, '春节')).toEqual([
        addDays(springFestival, -1),
        springFestival,
        addDays(springFestival, 1),
        addDays(springFestival, 2),
      ]);
    }
    if (qingming) expect(datesOf(year, '清明节')).toEqual([qingming]);
    if (dragonBoat) expect(datesOf(year, '端午节')).toEqual([dragonBoat]);
    expect(datesOf(year, '中秋节')).toEqual([midAutumn]);
    expect(datesOf(year, '元旦')).toEqual([`${year}-01-01`]);
    expect(datesOf(year, '劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
    expect(datesOf(year, '国庆节')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
  });
});

describe('structure of every year 2025–2035 (also where no reference was found)', () => {
  const years = Array.from({ length: 11 }, (_, i) => 2025 + i);
  it.each(years)('%i: 13 days off, 春节 between 1月21日 and 2月20日, 清明 4–6 April', (year) => {
    const holidays = statutoryHolidays(year);
    expect(holidays).toHaveLength(13);
    const [eve, first] = datesOf(year, '春节');
    expect(first && first >= `${year}-01-21` && first <= `${year}-02-20`).toBe(true);
    expect(eve).toBe(addDays(first ?? '', -1));
    expect(['04-04', '04-05', '04-06']).toContain(qingmingDate(year).slice(5));
    expect(lunarToGregorian(year, 5, 5)).toBe(datesOf(year, '端午节')[0]);
  });
});

describe('除夕 is the last day of the twelfth month, 29th or 30th', () => {
  it.each([
    // Lunar 2025's twelfth month (腊月) has 29 days: 除夕 2026-02-16 is 腊月廿九, per the 2026
    // notice ("2月15日（农历腊月二十八）"); 2025–2029 famously have no 年三十. Lunar 2023's has
    // 30: 除夕 2024-02-09 was 腊月三十.
    [2025, '2026-02-16', 29],
    [2024, '2025-01-28', 29],
    [2023, '2024-02-09', 30],
  ])('lunar %i ends on %s (腊月 has %i days)', (lunarYear, eve, monthLength) => {
    expect(lunarNewYearsEve(lunarYear)).toBe(eve);
    expect(lunarToGregorian(lunarYear, 12, monthLength)).toBe(eve);
  });

  it('refuses a lunar day the month does not have', () => {
    expect(() => lunarToGregorian(2025, 12, 30)).toThrow(RangeError);
  });
});

describe('the bundled State Council schedules contain every statutory day off', () => {
  it.each([2025, 2026])('%i', (year) => {
    for (const { date } of statutoryHolidays(year))
      expect(cnStatutoryDayKind(date)).toBe('holiday');
  });
});

describe('statutoryFestivalOn', () => {
  it.each([
    ['2027-01-01', '元旦'],
    ['2027-02-05', '春节'],
    ['2027-02-08', '春节'],
    ['2027-02-09', null],
    ['2027-04-05', '清明节'],
    ['2027-05-02', '劳动节'],
    ['2027-06-09', '端午节'],
    ['2027-09-15', '中秋节'],
    ['2027-10-03', '国庆节'],
    ['2027-10-04', null],
  ])('%s → %s', (date, festival) => {
    expect(statutoryFestivalOn(date)).toBe(festival);
  });

  it('knows only the Gregorian-dated holidays outside the computed years', () => {
    expect(statutoryHolidays(2150).map((h) => h.festival)).toEqual([
      '元旦',
      '劳动节',
      '劳动节',
      '国庆节',
      '国庆节',
      '国庆节',
    ]);
  });
});
