import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import {
  formatDuration,
  MAX_DURATION_DAYS,
  parseDuration,
  readDuration,
  withinMaximum,
} from '../../../../src/domain/shared/duration.parser.js';
import type { Duration } from '../../../../src/domain/shared/duration.types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each<[string, Duration]>([
    ['0', { unit: 'ms', ms: 0 }],
    ['30s', { unit: 'ms', ms: 30 * SECOND }],
    ['10m', { unit: 'ms', ms: 10 * MINUTE }],
    ['2h', { unit: 'ms', ms: 2 * HOUR }],
    ['1.5h', { unit: 'ms', ms: 1.5 * HOUR }],
    ['0.25h', { unit: 'ms', ms: 15 * MINUTE }],
    ['3d', { unit: 'ms', ms: 72 * HOUR }],
    ['48h', { unit: 'ms', ms: 2 * DAY }],
    ['3wd', { unit: 'workdays', days: 3 }],
    ['0wd', { unit: 'workdays', days: 0 }],
    ['4wh', { unit: 'workhours', hours: 4 }],
    ['1.5wh', { unit: 'workhours', hours: 1.5 }],
    ['0h', { unit: 'ms', ms: 0 }],
    ['0.001s', { unit: 'ms', ms: 1 }],
    ['2H', { unit: 'ms', ms: 2 * HOUR }],
    ['3WD', { unit: 'workdays', days: 3 }],
    [' 2h ', { unit: 'ms', ms: 2 * HOUR }],
    ['２ｈ', { unit: 'ms', ms: 2 * HOUR }],
    ['３ｗｄ', { unit: 'workdays', days: 3 }],
    ['366d', { unit: 'ms', ms: 366 * DAY }],
    ['366wd', { unit: 'workdays', days: 366 }],
  ])('%j → %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    '',
    ' ',
    '2',
    'h',
    '2 h',
    '-2h',
    '+2h',
    '.5h',
    '1.h',
    '2hours',
    '2小时',
    '1.5wd',
    '3w',
    '3y',
    '1e3s',
    '2h30m',
    '0x10s',
    'NaN',
    '367d',
    '367wd',
    '8785wh',
    '99999999999h',
  ])('rejects %j with duration.invalid', (text) => {
    let caught: unknown;
    try {
      parseDuration(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'duration.invalid' });
    const message = (caught as DomainError).userMessage;
    expect(message).toContain(`「${text}」`);
    for (const form of ['30s', '10m', '2h', '3d', '3wd', '4wh']) expect(message).toContain(form);
  });
});

describe('readDuration', () => {
  it('returns null instead of throwing, and applies no maximum', () => {
    expect(readDuration('nope')).toBeNull();
    expect(readDuration('400d')).toEqual({ unit: 'ms', ms: 400 * DAY });
  });
});

describe('withinMaximum', () => {
  it.each<[Duration, boolean]>([
    [{ unit: 'ms', ms: MAX_DURATION_DAYS * DAY }, true],
    [{ unit: 'ms', ms: MAX_DURATION_DAYS * DAY + 1 }, false],
    [{ unit: 'workdays', days: MAX_DURATION_DAYS }, true],
    [{ unit: 'workdays', days: MAX_DURATION_DAYS + 1 }, false],
    [{ unit: 'workhours', hours: MAX_DURATION_DAYS * 24 }, true],
    [{ unit: 'workhours', hours: MAX_DURATION_DAYS * 24 + 1 }, false],
  ])('%j → %s', (duration, expected) => {
    expect(withinMaximum(duration)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each<[Duration, string]>([
    [{ unit: 'ms', ms: 0 }, '0分钟'],
    [{ unit: 'ms', ms: 30 * SECOND }, '30秒'],
    [{ unit: 'ms', ms: 10 * MINUTE }, '10分钟'],
    [{ unit: 'ms', ms: 2 * HOUR }, '2小时'],
    [{ unit: 'ms', ms: 90 * MINUTE }, '1小时30分钟'],
    [{ unit: 'ms', ms: 3 * DAY }, '3天'],
    [{ unit: 'ms', ms: DAY + 2 * HOUR }, '1天2小时'],
    [{ unit: 'ms', ms: 48 * HOUR }, '2天'],
    [{ unit: 'ms', ms: HOUR + 500 }, '1小时500毫秒'],
    [{ unit: 'ms', ms: -2 * HOUR }, '负2小时'],
    [{ unit: 'workdays', days: 3 }, '3个工作日'],
    [{ unit: 'workdays', days: 1 }, '1个工作日'],
    [{ unit: 'workhours', hours: 4 }, '4个工作小时'],
    [{ unit: 'workhours', hours: 1.5 }, '1.5个工作小时'],
  ])('%j → %s', (duration, expected) => {
    expect(formatDuration(duration)).toBe(expected);
  });
});

describe('properties', () => {
  const unitArb = fc.constantFrom(['s', SECOND], ['m', MINUTE], ['h', HOUR], ['d', DAY]);

  it('whole amounts of a wall-clock unit parse to amount × unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 366 }), unitArb, (amount, [unit, unitMs]) => {
        expect(parseDuration(`${amount}${unit}`)).toEqual({ unit: 'ms', ms: amount * unitMs });
      }),
    );
  });

  it('formatting a parsed duration never throws and never prints NaN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 366 }),
        fc.constantFrom('s', 'm', 'h', 'd', 'wd', 'wh'),
        (n, unit) => {
          expect(formatDuration(parseDuration(`${n}${unit}`))).not.toMatch(/NaN|undefined/);
        },
      ),
    );
  });

  it('parseDuration throws nothing but DomainError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseDuration(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
    );
  });
});
