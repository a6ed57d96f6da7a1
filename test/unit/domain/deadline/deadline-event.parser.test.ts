import { describe, expect, it } from 'vitest';
import { parseEventOffset } from '../../../../src/domain/deadline/deadline-event.parser.js';
import { sh, shanghaiCalendar } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();
const now = sh('2026-11-23 10:00');

describe('parseEventOffset', () => {
  it.each([
    ['活动前3天', -3, null],
    ['活动前1天', -1, null],
    ['活动前一天', -1, null],
    ['活动前两天', -2, null],
    ['活动前十天', -10, null],
    ['活动前3日', -3, null],
    ['活动前 3 天', -3, null],
    ['活动前3个天', -3, null],
    ['活动当天', 0, null],
    ['活动当日', 0, null],
    ['活动后1天', 1, null],
    ['活动后两天', 2, null],
    ['会议前1天', -1, null],
    ['t-3d', -3, null],
    ['t-3', -3, null],
    ['t - 3d', -3, null],
    ['t+1d', 1, null],
    ['t+1', 1, null],
    ['t', 0, null],
    ['t-0', 0, null],
    ['活动前0天', 0, null],
    ['t-1 18:00', -1, 1080],
    ['t-1 上午', -1, 720],
    ['t-1 早上', -1, 540],
    ['t-2 下午', -2, 1080],
    ['活动前1天18:00', -1, 1080],
    ['活动前1天 18:00', -1, 1080],
    ['活动前1天 上午', -1, 720],
    ['活动前1天下午3点', -1, 900],
    ['活动前1天晚上8点', -1, 1200],
    ['活动当天上午', 0, 720],
    ['活动当天 8:30', 0, 510],
  ])('%j → offset %d, minute %s', (text, offsetDays, minuteOfDay) => {
    expect(parseEventOffset(text, now, calendar)).toEqual({ offsetDays, minuteOfDay });
  });

  it.each([
    '活动',
    '活动前',
    '活动前天',
    '活动前1.5天',
    '活动前3天xyz',
    '活动前1天 11月30日',
    't-1 明天',
    'today',
    't-',
    '明天',
    '3个工作日',
  ])('%j → null', (text) => {
    expect(parseEventOffset(text, now, calendar)).toBeNull();
  });
});
