import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/domain/calendar/local-date.models.js';
import { statutoryHolidays } from '../../../../src/domain/calendar/statutory-holidays.js';
import { parseDeadline } from '../../../../src/domain/deadline/deadline.parser.js';
import { resolveDeadline } from '../../../../src/domain/deadline/deadline.resolver.js';
import { sh, shanghaiCalendar, toSh } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();

/** What a node's deadline becomes when the text is written at `issued` and the node starts then. */
function deadlineOf(text: string, issued: string, eventDate: string | null): string {
  const now = sh(issued);
  const spec = parseDeadline(text, { now, calendar });
  return toSh(resolveDeadline(spec, { activatedAt: now, eventDate, calendar }));
}

// 2025–2026 follow the State Council's notices (bundled in chinese-days); 2027–2028 have no
// notice loaded, so only the statutory days of the 放假办法 are off (no bridging days, no 调休).
describe('deadlines across holidays and make-up days, 2025–2028', () => {
  it.each([
    // 国庆 2026 (10/1–10/7 off) with make-up Saturday 10/10, issued 2026-09-30 (Wed) 10:00.
    ['1个工作日内', '2026-09-30 10:00', null, '2026-10-08 10:00'],
    ['2个工作日内', '2026-09-30 10:00', null, '2026-10-09 10:00'],
    ['3个工作日内', '2026-09-30 10:00', null, '2026-10-10 10:00'],
    ['4个工作日内', '2026-09-30 10:00', null, '2026-10-12 10:00'],
    ['三个工作日内', '2026-09-30 10:00', null, '2026-10-10 10:00'],
    ['3wd', '2026-09-30 10:00', null, '2026-10-10 10:00'],
    ['8个工作小时', '2026-09-30 14:00', null, '2026-10-08 13:00'],
    ['4wh', '2026-09-30 16:00', null, '2026-10-08 11:00'],
    // Issued on the make-up Saturday 2026-10-10, and on a holiday (10/3).
    ['1个工作日内', '2026-10-10 10:00', null, '2026-10-12 10:00'],
    ['3个工作日内', '2026-10-10 10:00', null, '2026-10-14 10:00'],
    ['2个工作小时', '2026-10-10 17:00', null, '2026-10-12 10:00'],
    ['1个工作日内', '2026-10-03 11:00', null, '2026-10-09 09:00'],
    ['2个工作小时', '2026-10-03 11:00', null, '2026-10-08 11:00'],
    // Make-up Sunday 2026-09-20.
    ['1个工作日内', '2026-09-18 10:00', null, '2026-09-20 10:00'],
    ['2个工作日内', '2026-09-18 10:00', null, '2026-09-21 10:00'],
    // 春节 2026 (2/15–2/23 off), make-up Saturdays 2/14 and 2/28.
    ['1个工作日内', '2026-02-13 10:00', null, '2026-02-14 10:00'],
    ['2个工作日内', '2026-02-13 10:00', null, '2026-02-24 10:00'],
    ['2个工作小时', '2026-02-13 17:00', null, '2026-02-14 10:00'],
    ['1个工作日内', '2026-02-14 10:00', null, '2026-02-24 10:00'],
    ['3个工作日内', '2026-02-14 10:00', null, '2026-02-26 10:00'],
    ['5个工作日内', '2026-02-14 10:00', null, '2026-02-28 10:00'],
    ['2个工作小时', '2026-02-28 17:00', null, '2026-03-02 10:00'],
    ['1个工作日内', '2026-02-18 15:00', null, '2026-02-25 09:00'],
    // 元旦 2026 (1/1–1/3 off, make-up Sunday 1/4) and 元旦 2025.
    ['1个工作日内', '2025-12-31 10:00', null, '2026-01-04 10:00'],
    ['2个工作日内', '2025-12-31 10:00', null, '2026-01-05 10:00'],
    ['1个工作日内', '2024-12-31 10:00', null, '2025-01-02 10:00'],
    // 春节 2025 (1/28–2/4 off), make-up Sunday 1/26 and Saturday 2/8.
    ['2个工作日内', '2025-01-24 10:00', null, '2025-01-27 10:00'],
    ['3个工作日内', '2025-01-24 10:00', null, '2025-02-05 10:00'],
    ['1个工作日内', '2025-02-07 10:00', null, '2025-02-08 10:00'],
    // 劳动节 2025 (5/1–5/5 off, make-up Sunday 4/27) and 2026 (make-up Saturday 5/9).
    ['1个工作日内', '2025-04-25 10:00', null, '2025-04-27 10:00'],
    ['1个工作日内', '2025-04-27 10:00', null, '2025-04-28 10:00'],
    ['1个工作日内', '2025-04-30 10:00', null, '2025-05-06 10:00'],
    ['3个工作日内', '2026-04-30 10:00', null, '2026-05-08 10:00'],
    ['4个工作日内', '2026-04-30 10:00', null, '2026-05-09 10:00'],
    // 国庆+中秋 2025 (10/1–10/8 off), make-up Sunday 9/28 and Saturday 10/11.
    ['1个工作日内', '2025-09-26 10:00', null, '2025-09-28 10:00'],
    ['4个工作日内', '2025-09-26 10:00', null, '2025-10-09 10:00'],
    ['6个工作日内', '2025-09-26 10:00', null, '2025-10-11 10:00'],
    // 2027, statutory floor: 元旦 Friday 1/1; issue #19's 20个工作日内 from 2026-12-07.
    ['20个工作日内', '2026-12-07 10:00', null, '2027-01-05 10:00'],
    ['1个工作日内', '2026-12-31 10:00', null, '2027-01-04 10:00'],
    ['2个工作小时', '2026-12-31 17:00', null, '2027-01-04 10:00'],
    // 春节 2027: 除夕 2/5 (Fri) to 初三 2/8 (Mon).
    ['1个工作日内', '2027-02-04 10:00', null, '2027-02-09 10:00'],
    ['3个工作日内', '2027-02-04 10:00', null, '2027-02-11 10:00'],
    ['9个工作小时', '2027-02-04 09:00', null, '2027-02-04 18:00'],
    ['10个工作小时', '2027-02-04 09:00', null, '2027-02-09 10:00'],
    ['明天18:00', '2027-02-04 10:00', null, '2027-02-05 18:00'],
    ['3天内', '2027-02-04 10:00', null, '2027-02-07 10:00'],
    // 清明 (Mon 4/5), 端午 (Wed 6/9), 中秋 (Wed 9/15), 国庆 2027 (10/1 Fri–10/3).
    ['1个工作日内', '2027-04-02 10:00', null, '2027-04-06 10:00'],
    ['1个工作日内', '2027-06-08 10:00', null, '2027-06-10 10:00'],
    ['2个工作日内', '2027-09-14 10:00', null, '2027-09-17 10:00'],
    ['1个工作日内', '2027-09-30 10:00', null, '2027-10-04 10:00'],
    ['1个工作日内', '2027-04-30 10:00', null, '2027-05-03 10:00'],
    // 2028: 元旦 on Saturday, 春节 除夕 1/25 (Tue) to 初三 1/28 (Fri), 国庆 with 中秋 on 10/3.
    ['2个工作日内', '2027-12-30 10:00', null, '2028-01-03 10:00'],
    ['4个工作小时', '2027-12-31 16:00', null, '2028-01-03 11:00'],
    ['1个工作日内', '2028-01-24 10:00', null, '2028-01-31 10:00'],
    ['1个工作日内', '2028-04-03 10:00', null, '2028-04-05 10:00'],
    ['1个工作日内', '2028-04-28 10:00', null, '2028-05-03 10:00'],
    ['1个工作日内', '2028-09-29 10:00', null, '2028-10-04 10:00'],
    // Event-relative: a day off before the event moves to the working day before it.
    ['活动前3天', '2026-12-07 10:00', '2027-01-04', '2026-12-31 18:00'],
    ['活动前1天', '2026-12-07 10:00', '2027-02-09', '2027-02-04 18:00'],
    ['活动前3天', '2026-09-01 10:00', '2026-10-04', '2026-09-30 18:00'],
    ['活动前3天', '2027-12-01 10:00', '2028-01-29', '2028-01-24 18:00'],
    ['T-1', '2025-09-01 10:00', '2025-10-09', '2025-09-30 18:00'],
    ['活动前2天', '2025-04-01 10:00', '2025-05-06', '2025-04-30 18:00'],
    ['活动前1天 10:00', '2026-02-01 10:00', '2026-02-24', '2026-02-14 10:00'],
    ['活动后1天', '2027-09-01 10:00', '2027-09-14', '2027-09-16 18:00'],
    ['T+1d', '2026-09-01 10:00', '2026-09-30', '2026-10-08 18:00'],
    ['活动当天', '2027-09-01 10:00', '2027-10-01', '2027-10-01 18:00'],
  ])('%s issued %s (event %s) → %s', (text, issued, eventDate, expected) => {
    expect(deadlineOf(text, issued, eventDate)).toBe(expected);
  });
});

describe('no working-day deadline lands on a day off, 2025–2035 (property)', () => {
  const issued = fc.date({
    min: new Date('2025-01-01T00:00:00+08:00'),
    max: new Date('2035-11-30T00:00:00+08:00'),
    noInvalidDate: true,
  });
  const statutory = new Set(
    Array.from({ length: 11 }, (_, i) => statutoryHolidays(2025 + i).map((h) => h.date)).flat(),
  );

  it('N个工作日内 and N个工作小时 end on a working day, never on a statutory holiday', () => {
    fc.assert(
      fc.property(
        issued,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('个工作日内', '个工作小时'),
        (now, n, unit) => {
          const spec = parseDeadline(`${n}${unit}`, { now, calendar });
          const due = resolveDeadline(spec, { activatedAt: now, eventDate: null, calendar });
          const day = calendar.localDate(due);
          return calendar.isWorkday(day) && !statutory.has(day);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('活动前N天 ends on a working day before the event', () => {
    fc.assert(
      fc.property(
        issued,
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 60 }),
        (now, n, ahead) => {
          const eventDate = addDays(calendar.localDate(now), ahead + n);
          const spec = parseDeadline(`活动前${n}天`, { now, calendar });
          const day = calendar.localDate(
            resolveDeadline(spec, { activatedAt: now, eventDate, calendar }),
          );
          return calendar.isWorkday(day) && !statutory.has(day) && day < eventDate;
        },
      ),
      { numRuns: 500 },
    );
  });
});
