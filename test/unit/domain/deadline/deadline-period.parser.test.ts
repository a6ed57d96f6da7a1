import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../../src/domain/deadline/deadline.parser.js';
import { resolveDeadline } from '../../../../src/domain/deadline/deadline.resolver.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { sh, shanghaiCalendar, toSh } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();

function deadlineOf(text: string, issued: string, cal = calendar): string {
  const now = sh(issued);
  const spec = parseDeadline(text, { now, calendar: cal });
  return toSh(resolveDeadline(spec, { activatedAt: now, eventDate: null, calendar: cal }));
}

// Expected days worked out by hand from the State Council's notices for 2025–2026 and, for
// 2027–2028, from the statutory days alone (no notice is loaded for them).
describe('period deadlines: the last (or first) working day of the period, at 18:00', () => {
  it.each([
    ['月底前', '2026-12-07 10:00', '2026-12-31 18:00'],
    ['月末', '2025-09-20 10:00', '2025-09-30 18:00'],
    ['本月底', '2026-12-07 10:00', '2026-12-31 18:00'],
    ['这个月底', '2026-04-10 10:00', '2026-04-30 18:00'],
    // May 31 2026 is a Sunday: Friday the 29th.
    ['月底前', '2026-05-10 10:00', '2026-05-29 18:00'],
    // 端午 2025 (5/31–6/2) starts on the month's last day, a Saturday.
    ['月底', '2025-05-20 10:00', '2025-05-30 18:00'],
    // 春节 2025 (1/28–2/4 off): the 27th is the last working day of January.
    ['月底前', '2025-01-10 10:00', '2025-01-27 18:00'],
    // Saturday 2026-02-28 is a make-up working day (调休).
    ['月底前', '2026-02-10 10:00', '2026-02-28 18:00'],
    ['月底', '2027-01-10 10:00', '2027-01-29 18:00'],
    // A bare 月底 once this month's has passed is next month's; 本月底 is refused (below).
    ['月底', '2026-12-31 19:00', '2027-01-29 18:00'],
    ['月底前', '2025-12-31 19:00', '2026-01-30 18:00'],
    ['下个月底', '2026-12-07 10:00', '2027-01-29 18:00'],
    ['下月底', '2027-01-20 10:00', '2027-02-26 18:00'],
    ['下月末', '2026-11-30 10:00', '2026-12-31 18:00'],
    // 国庆 2026 (10/1–10/7 off): the first working day of October is the 8th.
    ['下月初', '2026-09-15 10:00', '2026-10-08 18:00'],
    ['下个月初', '2027-01-20 10:00', '2027-02-01 18:00'],
    ['下月初', '2026-12-07 10:00', '2027-01-04 18:00'],
    ['月初', '2027-01-01 10:00', '2027-01-04 18:00'],
    ['月初', '2026-12-07 10:00', '2027-01-04 18:00'],
    ['季度末', '2025-08-01 10:00', '2025-09-30 18:00'],
    ['季度末', '2026-07-01 10:00', '2026-09-30 18:00'],
    ['本季度末', '2027-03-01 10:00', '2027-03-31 18:00'],
    ['季末', '2027-05-01 10:00', '2027-06-30 18:00'],
    ['季度末', '2026-12-31 19:00', '2027-03-31 18:00'],
    ['下季度末', '2026-12-07 10:00', '2027-03-31 18:00'],
    ['年底前', '2026-12-07 10:00', '2026-12-31 18:00'],
    ['年底前', '2027-06-01 10:00', '2027-12-31 18:00'],
    // 2028-12-31 is a Sunday.
    ['年底', '2028-12-01 10:00', '2028-12-29 18:00'],
    ['今年年底', '2028-03-01 10:00', '2028-12-29 18:00'],
    ['年末', '2026-12-31 19:00', '2027-12-31 18:00'],
    ['明年底', '2026-12-07 10:00', '2027-12-31 18:00'],
    ['本周内', '2026-12-07 10:00', '2026-12-11 18:00'],
    ['这周内', '2026-12-10 10:00', '2026-12-11 18:00'],
    // The week of 国庆 2026: Saturday 10/10 is its last working day.
    ['本周内', '2026-10-10 10:00', '2026-10-10 18:00'],
    // Monday 2026-09-28: 10/1–10/4 are off, so the week's last working day is Wednesday.
    ['周末前', '2026-09-28 10:00', '2026-09-30 18:00'],
    ['下周内', '2026-09-25 10:00', '2026-09-30 18:00'],
    // 春节 2028 (1/25–1/28 off): Monday the 24th is the week's only working day.
    ['本周内', '2028-01-24 10:00', '2028-01-24 18:00'],
    ['下周内', '2028-01-20 10:00', '2028-01-24 18:00'],
    // The week after is all 春节 2026 (2/16–2/22 off): the first working day after it.
    ['下周内', '2026-02-14 10:00', '2026-02-24 18:00'],
    ['今天下班前', '2026-12-07 10:00', '2026-12-07 18:00'],
    ['今天下班前', '2026-02-14 10:00', '2026-02-14 18:00'],
    ['明天下班前', '2026-12-07 10:00', '2026-12-08 18:00'],
    ['周五下班前', '2026-12-07 10:00', '2026-12-11 18:00'],
    ['下班前', '2026-12-07 10:00', '2026-12-07 18:00'],
    // 下班前 alone, after hours: the next working day's end, skipping 春节 2026.
    ['下班前', '2026-02-13 19:00', '2026-02-14 18:00'],
    ['下班前', '2026-02-14 19:00', '2026-02-24 18:00'],
    ['下班之前', '2026-09-30 19:00', '2026-10-08 18:00'],
    ['明早', '2026-12-07 15:00', '2026-12-08 09:00'],
    ['明天上班前', '2026-12-07 15:00', '2026-12-08 09:00'],
    ['截止到月底', '2026-12-07 10:00', '2026-12-31 18:00'],
    ['月底之前', '2026-12-07 10:00', '2026-12-31 18:00'],
    ['月底前。', '2026-12-07 10:00', '2026-12-31 18:00'],
  ])('%s issued %s → %s', (text, issued, expected) => {
    expect(deadlineOf(text, issued)).toBe(expected);
  });

  it("uses the org's own end of business hours", () => {
    const early = shanghaiCalendar({ workEndMinute: 17 * 60 + 30 });
    expect(deadlineOf('月底前', '2026-12-07 10:00', early)).toBe('2026-12-31 17:30');
    expect(deadlineOf('今天下班前', '2026-12-07 10:00', early)).toBe('2026-12-07 17:30');
    expect(deadlineOf('下班前', '2026-12-07 17:45', early)).toBe('2026-12-08 17:30');
  });

  it.each([
    ['本月底', '2026-12-31 19:00', '今天 18:00'],
    ['今年年底', '2026-12-31 19:00', '今天 18:00'],
    ['本周内', '2026-12-12 10:00', '昨天 18:00'],
    ['周末前', '2026-12-12 10:00', '昨天 18:00'],
    ['今天下班前', '2026-12-07 19:00', '今天 18:00'],
  ])('%s issued %s has passed: refused, showing %s', (text, issued, understood) => {
    const error = catchError(() => deadlineOf(text, issued));
    expect(error?.code).toBe('deadline.in_past');
    expect(error?.userMessage).toContain(`理解为 ${understood}`);
  });

  it.each(['月中', '周末', '这周末', '下下月底', '月底后', '季度'])(
    '%s is not a deadline',
    (text) => {
      expect(catchError(() => deadlineOf(text, '2026-12-07 10:00'))?.code).toBe(
        'deadline.unparseable',
      );
    },
  );
});

describe('period deadlines land on a working day, 2025–2035 (property)', () => {
  it('月底, 下月初, 季度末, 年底, 本周内 and 下班前 end on a working day at the end of hours', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01T00:00:00+08:00'),
          max: new Date('2035-11-30T00:00:00+08:00'),
          noInvalidDate: true,
        }),
        fc.constantFrom('月底前', '下月初', '下个月底', '季度末', '年底前', '下周内', '下班前'),
        (now, text) => {
          const spec = parseDeadline(text, { now, calendar });
          const due = resolveDeadline(spec, { activatedAt: now, eventDate: null, calendar });
          return (
            due > now &&
            calendar.isWorkday(calendar.localDate(due)) &&
            calendar.minuteOfDay(due) === 1080
          );
        },
      ),
      { numRuns: 700, examples: [[new Date('2026-02-14T10:00:00Z'), '下周内']] },
    );
  });
});

function catchError(run: () => unknown): DomainError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
