import { describe, expect, it } from 'vitest';
import {
  type DayPeriod,
  extractPeriod,
  readDateAndClock,
  resolveMinute,
} from '../../../../src/domain/deadline/time-of-day.parser.js';
import { sh, shanghaiCalendar } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();
const now = sh('2026-11-23 01:30');

describe('extractPeriod', () => {
  it.each([
    ['上午', 'morning', ''],
    ['下午', 'afternoon', ''],
    ['中午', 'noon', ''],
    ['早上', 'early-morning', ''],
    ['早晨', 'early-morning', ''],
    ['晚上', 'evening', ''],
    ['夜里', 'evening', ''],
    ['上午 ', 'morning', ''],
    ['11月30日上午', 'morning', '11月30日'],
    ['下午3点', null, '下午3点'],
    ['晚上八点', null, '晚上八点'],
    ['18:00', null, '18:00'],
    ['', null, ''],
  ])('%j → %s + %j', (text, period, rest) => {
    expect(extractPeriod(text)).toEqual({ period, rest });
  });
});

describe('resolveMinute', () => {
  it.each<[number | null, DayPeriod | null, number | null]>([
    [null, null, null],
    [null, 'early-morning', 540],
    [null, 'morning', 720],
    [null, 'noon', 720],
    [null, 'afternoon', 1080],
    [null, 'evening', 1320],
    [480, null, 480],
    [480, 'evening', 1200],
    [720, 'evening', 1440],
    [1380, 'evening', 1380],
    [180, 'afternoon', 900],
    [720, 'afternoon', 720],
    [480, 'early-morning', 480],
    [600, 'morning', 600],
  ])('clock %s + %s → %s', (clock, period, expected) => {
    expect(resolveMinute(clock, period, calendar.config)).toBe(expected);
  });

  it('follows configured business hours for 早上 and 下午', () => {
    const late = shanghaiCalendar({ workStartMinute: 600, workEndMinute: 1140 });
    expect(resolveMinute(null, 'early-morning', late.config)).toBe(600);
    expect(resolveMinute(null, 'afternoon', late.config)).toBe(1140);
  });
});

describe('readDateAndClock (chrono, Simplified Chinese)', () => {
  it.each([
    ['', null, null],
    ['18:00', null, 1080],
    ['18点', null, 1080],
    ['17点半', null, 1050],
    ['15点30分', null, 930],
    ['下午3点', null, 900],
    ['下午三点', null, 900],
    ['上午十点', null, 600],
    ['晚上8点', null, 1200],
    ['十二点', null, 720],
    ['0点', null, 0],
    ['11月30日', { year: null, month: 11, day: 30 }, null],
    ['11月30号', { year: null, month: 11, day: 30 }, null],
    ['十二月一日', { year: null, month: 12, day: 1 }, null],
    ['11月30日 15:00', { year: null, month: 11, day: 30 }, 900],
    ['2026年12月1日 10:00', { year: 2026, month: 12, day: 1 }, 600],
    ['2026-12-01', { year: 2026, month: 12, day: 1 }, null],
    ['2026-12-01 10:00', { year: 2026, month: 12, day: 1 }, 600],
  ])('%j → date %j, minute %s', (text, date, minuteOfDay) => {
    expect(readDateAndClock(text, now, calendar)).toEqual({ date, minuteOfDay });
  });

  it.each([
    '垃圾',
    '3',
    '12月',
    '周五',
    '下周一',
    '24:00',
    '2月30日',
    '18:00 xyz',
    'xyz 18:00',
    '2026-12-01t10:00:00z',
  ])('%j → null (not fully understood)', (text) => {
    expect(readDateAndClock(text, now, calendar)).toBeNull();
  });
});
