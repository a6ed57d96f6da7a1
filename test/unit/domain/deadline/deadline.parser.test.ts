import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../../src/domain/deadline/deadline.parser.js';
import type { DeadlineSpec } from '../../../../src/domain/deadline/deadline.types.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { sh, shanghaiCalendar, toSh } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();
const now = new Date('2026-11-22T17:30:00Z'); // Monday 2026-11-23 01:30 in Shanghai
const HOUR = 3_600_000;

/** A spec without its `text`, kind by kind (plain `Omit` does not distribute over a union). */
type SpecWithoutText = {
  [K in DeadlineSpec['kind']]: Omit<Extract<DeadlineSpec, { kind: K }>, 'text'>;
}[DeadlineSpec['kind']];

function catchDomainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseDeadline: kinds', () => {
  it.each<[string, SpecWithoutText]>([
    ['2小时内', { kind: 'after-activation', duration: { unit: 'ms', ms: 2 * HOUR } }],
    ['2h', { kind: 'after-activation', duration: { unit: 'ms', ms: 2 * HOUR } }],
    ['30分钟', { kind: 'after-activation', duration: { unit: 'ms', ms: HOUR / 2 } }],
    ['半小时', { kind: 'after-activation', duration: { unit: 'ms', ms: HOUR / 2 } }],
    ['1.5小时', { kind: 'after-activation', duration: { unit: 'ms', ms: 1.5 * HOUR } }],
    ['3天内', { kind: 'after-activation', duration: { unit: 'ms', ms: 72 * HOUR } }],
    ['3个工作日内', { kind: 'after-activation', duration: { unit: 'workdays', days: 3 } }],
    ['3个工作日', { kind: 'after-activation', duration: { unit: 'workdays', days: 3 } }],
    ['4个工作小时', { kind: 'after-activation', duration: { unit: 'workhours', hours: 4 } }],
    ['３ｗｄ', { kind: 'after-activation', duration: { unit: 'workdays', days: 3 } }],
    ['4WH', { kind: 'after-activation', duration: { unit: 'workhours', hours: 4 } }],
    ['活动前3天', { kind: 'event-relative', offsetDays: -3, minuteOfDay: null }],
    ['活动前1天', { kind: 'event-relative', offsetDays: -1, minuteOfDay: null }],
    ['T-3d', { kind: 'event-relative', offsetDays: -3, minuteOfDay: null }],
    ['T-1', { kind: 'event-relative', offsetDays: -1, minuteOfDay: null }],
    ['Ｔ－１ １８：００', { kind: 'event-relative', offsetDays: -1, minuteOfDay: 1080 }],
    ['活动当天', { kind: 'event-relative', offsetDays: 0, minuteOfDay: null }],
    ['T+1d', { kind: 'event-relative', offsetDays: 1, minuteOfDay: null }],
    ['明天18:00', { kind: 'absolute', at: new Date('2026-11-24T10:00:00Z') }],
    ['明天', { kind: 'absolute', at: new Date('2026-11-24T10:00:00Z') }],
    ['周五前', { kind: 'absolute', at: new Date('2026-11-27T10:00:00Z') }],
    ['下周一上午', { kind: 'absolute', at: new Date('2026-11-30T04:00:00Z') }],
    ['１８：００', { kind: 'absolute', at: new Date('2026-11-23T10:00:00Z') }],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadline(text, { now, calendar })).toEqual({ ...expected, text });
  });

  it('keeps the text as typed, trimmed', () => {
    expect(parseDeadline('  明天 18:00 ', { now, calendar }).text).toBe('明天 18:00');
  });
});

describe('parseDeadline: deadline.unparseable', () => {
  it.each([
    '',
    '   ',
    '垃圾',
    '3',
    'tomorrow',
    '明天xyz',
    '下周',
    '2月30日',
    '1.5个工作日',
    '活动前',
    '2小时前',
    '24:00',
  ])('%j', (text) => {
    const error = catchDomainError(() => parseDeadline(text, { now, calendar }));
    expect(error.code).toBe('deadline.unparseable');
    for (const example of ['明天18:00', '周五前', '2小时内', '3个工作日内', '活动前3天']) {
      expect(error.userMessage).toContain(example);
    }
    expect(error.usage).toContain('截止时间');
  });
});

describe('parseDeadline: deadline.in_past shows how the text was read', () => {
  it.each([
    ['昨天', '昨天 18:00'],
    ['前天', '11月21日(周六) 18:00'],
    ['上周五', '11月20日(周五) 18:00'],
    ['11月20日', '11月20日(周五) 18:00'],
    ['今天1点', '今天 01:00'],
    ['今天01:30', '今天 01:30'],
    ['2026-01-01 10:00', '1月1日(周四) 10:00'],
    ['2025年12月31日', '2025年12月31日 18:00'],
  ])('%j → %s', (text, understood) => {
    const error = catchDomainError(() => parseDeadline(text, { now, calendar }));
    expect(error.code).toBe('deadline.in_past');
    expect(error.userMessage).toContain(`「${text}」`);
    expect(error.userMessage).toContain(understood);
  });

  it('a time alone rolls to tomorrow instead of failing', () => {
    const spec = parseDeadline('10:00', { now: sh('2026-11-23 15:00'), calendar });
    expect(spec.kind === 'absolute' && toSh(spec.at)).toBe('2026-11-24 10:00');
  });
});

describe('parseDeadline: deadline.too_far', () => {
  it.each(['400天', '367个工作日', '9000个工作小时', '9999h', '活动前400天', 'T-999'])(
    '%j',
    (text) => {
      expect(catchDomainError(() => parseDeadline(text, { now, calendar })).code).toBe(
        'deadline.too_far',
      );
    },
  );

  it.each(['366天', '366个工作日', '活动前366天'])('%j is still accepted', (text) => {
    expect(() => parseDeadline(text, { now, calendar })).not.toThrow();
  });
});

describe('parseDeadline does not depend on the server time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/New_York', 'Pacific/Kiritimati', 'America/Santiago'])(
    'same results with TZ=%s',
    (zone) => {
      const texts = [
        '明天18:00',
        '明天',
        '周五前',
        '下周一上午',
        '11月30日',
        '12/1',
        '今晚',
        '１８：００',
        '1月4日',
      ];
      const read = () => texts.map((text) => parseDeadline(text, { now, calendar }));
      const onUtc = read();
      process.env.TZ = zone;
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0); // the switch took effect
      expect(read()).toEqual(onUtc);
    },
  );
});

describe('properties', () => {
  const instantArb = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const tokens = [
    '明天',
    '后天',
    '今晚',
    '周五',
    '下周一',
    '本周',
    '前',
    '之前',
    '上午',
    '下午',
    '18:00',
    '１８：００',
    '3',
    '三',
    '半',
    '个',
    '小时',
    '天',
    '内',
    '工作日',
    '工作小时',
    '活动',
    'T',
    '-',
    '+',
    'd',
    'wd',
    '11月',
    '30日',
    '/',
    ' ',
    '点',
    '2026-12-01',
    '.5',
    '号',
  ];
  const tokenTextArb = fc
    .array(fc.constantFrom(...tokens), { maxLength: 6 })
    .map((parts) => parts.join(''));

  it('throws nothing but DomainError, on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tokenTextArb),
        instantArb,
        (text, at) => {
          try {
            parseDeadline(text, { now: at, calendar });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an absolute result always lies after now', () => {
    fc.assert(
      fc.property(tokenTextArb, instantArb, (text, at) => {
        try {
          const spec = parseDeadline(text, { now: at, calendar });
          if (spec.kind === 'absolute') expect(spec.at.getTime()).toBeGreaterThan(at.getTime());
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('明天 is always the next local calendar day at 18:00', () => {
    fc.assert(
      fc.property(instantArb, (at) => {
        const today = Date.parse(`${calendar.localDate(at)}T00:00:00Z`);
        const tomorrow = new Date(today + 86_400_000).toISOString().slice(0, 10);
        expect(parseDeadline('明天', { now: at, calendar })).toMatchObject({
          kind: 'absolute',
          at: calendar.atLocalTime(tomorrow, 1080),
        });
      }),
    );
  });
});
