import type { BusinessCalendar, LocalDate } from '../calendar/calendar.types.js';
import { addDays, daysBetween, parseLocalDate, weekdayOf } from '../calendar/local-date.models.js';
import type { ReportPeriod } from '../command/command.types.js';
import { DomainError } from '../shared/domain-error.js';

/** A period of whole local days, `from` inclusive and `to` exclusive, in the org's zone. */
export interface DateSpan {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The Monday of the week `date` falls in (weeks run Monday to Sunday). */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The week `date` falls in. */
export function weekOf(date: LocalDate): DateSpan {
  const from = weekStartOf(date);
  return { from, to: addDays(from, 7) };
}

/** The span of the same length just before. */
export function spanBefore(span: DateSpan): DateSpan {
  const days = daysBetween(span.from, span.to);
  return { from: addDays(span.from, -days), to: span.from };
}

/**
 * True on the first working day of a week: the day the weekly report goes out (Monday, or the
 * first working day after a Monday holiday, a 调休 Saturday included).
 */
export function isFirstWorkdayOfWeek(date: LocalDate, calendar: BusinessCalendar): boolean {
  if (!calendar.isWorkday(date)) return false;
  for (let d = weekStartOf(date); d < date; d = addDays(d, 1)) {
    if (calendar.isWorkday(d)) return false;
  }
  return true;
}

/** The instants a span covers: local midnight of `from` to local midnight of `to`. */
export function spanInstants(span: DateSpan, calendar: BusinessCalendar): { from: Date; to: Date } {
  return { from: calendar.atLocalTime(span.from, 0), to: calendar.atLocalTime(span.to, 0) };
}

/** The days `/周报 <period>` means, as of `today`; a range includes both of its dates. */
export function resolveReportPeriod(period: ReportPeriod, today: LocalDate): DateSpan {
  switch (period.kind) {
    case 'this-week':
      return weekOf(today);
    case 'last-week':
      return spanBefore(weekOf(today));
    case 'this-month':
      return monthOf(today);
    case 'last-month':
      return monthOf(addDays(monthOf(today).from, -1));
    case 'range': {
      const from = readDate(period.fromText, today);
      const to = readDate(period.toText, today);
      if (to < from) throw periodError(`结束日期 ${to} 早于开始日期 ${from}。`);
      if (daysBetween(from, to) > 366) throw periodError('统计时段最长一年。');
      return { from, to: addDays(to, 1) };
    }
  }
}

function monthOf(date: LocalDate): DateSpan {
  const from = `${date.slice(0, 7)}-01`;
  const next = addDays(from, 31);
  return { from, to: `${next.slice(0, 7)}-01` };
}

/** `2026-11-01`, `2026/11/1`, `2026.11.1`, `11-01`, `11/1`, `11月1日` (this year). */
function readDate(text: string, today: LocalDate): LocalDate {
  const match = /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  const date = match
    ? `${match[1] ?? today.slice(0, 4)}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`
    : '';
  if (!parseLocalDate(date))
    throw periodError(`日期「${text}」看不懂，请写成 2026-11-01 或 11月1日。`);
  return date;
}

function periodError(message: string): DomainError {
  return new DomainError('report.bad_period', message, {
    usage: '用法：/周报 [本周|上周|本月|上月|开始日期 结束日期]',
  });
}
