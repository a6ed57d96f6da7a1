import { describe, expect, it } from 'vitest';
import { parseDeadlineSpan } from '../../../../src/domain/deadline/deadline-span.parser.js';
import type { Duration } from '../../../../src/domain/shared/duration.types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('parseDeadlineSpan', () => {
  it.each<[string, Duration]>([
    ['2小时内', { unit: 'ms', ms: 2 * HOUR }],
    ['2小时', { unit: 'ms', ms: 2 * HOUR }],
    ['2 小时', { unit: 'ms', ms: 2 * HOUR }],
    ['2个小时', { unit: 'ms', ms: 2 * HOUR }],
    ['两小时', { unit: 'ms', ms: 2 * HOUR }],
    ['两个小时内', { unit: 'ms', ms: 2 * HOUR }],
    ['2小时以内', { unit: 'ms', ms: 2 * HOUR }],
    ['2小时之内', { unit: 'ms', ms: 2 * HOUR }],
    ['2个钟头', { unit: 'ms', ms: 2 * HOUR }],
    ['30分钟', { unit: 'ms', ms: 30 * MINUTE }],
    ['30分', { unit: 'ms', ms: 30 * MINUTE }],
    ['三十分钟', { unit: 'ms', ms: 30 * MINUTE }],
    ['90秒', { unit: 'ms', ms: 90_000 }],
    ['半小时', { unit: 'ms', ms: 30 * MINUTE }],
    ['半个小时', { unit: 'ms', ms: 30 * MINUTE }],
    ['1.5小时', { unit: 'ms', ms: 90 * MINUTE }],
    ['一个半小时', { unit: 'ms', ms: 90 * MINUTE }],
    ['1个半小时', { unit: 'ms', ms: 90 * MINUTE }],
    ['两个半钟头', { unit: 'ms', ms: 150 * MINUTE }],
    ['3天内', { unit: 'ms', ms: 72 * HOUR }],
    ['3天', { unit: 'ms', ms: 72 * HOUR }],
    ['三天内', { unit: 'ms', ms: 72 * HOUR }],
    ['3日内', { unit: 'ms', ms: 72 * HOUR }],
    ['两天之内', { unit: 'ms', ms: 48 * HOUR }],
    ['3天后', { unit: 'ms', ms: 72 * HOUR }],
    ['2h', { unit: 'ms', ms: 2 * HOUR }],
    ['2h内', { unit: 'ms', ms: 2 * HOUR }],
    ['1.5h', { unit: 'ms', ms: 90 * MINUTE }],
    ['10m', { unit: 'ms', ms: 10 * MINUTE }],
    ['30s', { unit: 'ms', ms: 30_000 }],
    ['3d', { unit: 'ms', ms: 72 * HOUR }],
    ['3个工作日内', { unit: 'workdays', days: 3 }],
    ['3个工作日', { unit: 'workdays', days: 3 }],
    ['三个工作日', { unit: 'workdays', days: 3 }],
    ['3工作日', { unit: 'workdays', days: 3 }],
    ['5个工作日之内', { unit: 'workdays', days: 5 }],
    ['3个工作日后', { unit: 'workdays', days: 3 }],
    ['3wd', { unit: 'workdays', days: 3 }],
    ['3wd内', { unit: 'workdays', days: 3 }],
    ['4个工作小时', { unit: 'workhours', hours: 4 }],
    ['4工作小时', { unit: 'workhours', hours: 4 }],
    ['四个工作小时内', { unit: 'workhours', hours: 4 }],
    ['半个工作小时', { unit: 'workhours', hours: 0.5 }],
    ['1.5个工作小时', { unit: 'workhours', hours: 1.5 }],
    ['4wh', { unit: 'workhours', hours: 4 }],
    ['1.5wh', { unit: 'workhours', hours: 1.5 }],
    ['0小时', { unit: 'ms', ms: 0 }],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadlineSpan(text)).toEqual(expected);
  });

  it.each([
    '',
    '2',
    '小时',
    '两',
    '半半小时',
    '1.5个工作日',
    '1.5wd',
    '2小时xyz',
    '2小时前',
    '3周',
    '明天',
    '周五前',
    '活动前3天',
    '三三天',
    '-2小时',
  ])('%j → null', (text) => {
    expect(parseDeadlineSpan(text)).toBeNull();
  });
});
