import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../src/domain/calendar/business-calendar.js';
import {
  isFirstWorkdayOfWeek,
  resolveReportPeriod,
  spanBefore,
  weekOf,
} from '../../../../src/domain/report/report-period.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';

const calendar = createBusinessCalendar({
  timezone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: 'none',
  extraHolidays: ['2026-11-16'],
  extraWorkdays: [],
  officialSchedules: [],
});

describe('report periods', () => {
  it('runs weeks Monday to Sunday', () => {
    expect(weekOf('2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
    expect(weekOf('2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
    expect(spanBefore(weekOf('2026-11-18'))).toEqual({ from: '2026-11-09', to: '2026-11-16' });
  });

  it('posts on the first working day of the week, after a Monday holiday on Tuesday', () => {
    expect(isFirstWorkdayOfWeek('2026-11-09', calendar)).toBe(true);
    expect(isFirstWorkdayOfWeek('2026-11-10', calendar)).toBe(false);
    expect(isFirstWorkdayOfWeek('2026-11-16', calendar)).toBe(false);
    expect(isFirstWorkdayOfWeek('2026-11-17', calendar)).toBe(true);
  });

  it('reads the periods of /周报', () => {
    const today = '2026-11-18';
    expect(resolveReportPeriod({ kind: 'this-week' }, today)).toEqual({
      from: '2026-11-16',
      to: '2026-11-23',
    });
    expect(resolveReportPeriod({ kind: 'last-week' }, today).from).toBe('2026-11-09');
    expect(resolveReportPeriod({ kind: 'this-month' }, today)).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(resolveReportPeriod({ kind: 'last-month' }, '2026-01-10')).toEqual({
      from: '2025-12-01',
      to: '2026-01-01',
    });
    expect(
      resolveReportPeriod({ kind: 'range', fromText: '11月1日', toText: '2026/11/15' }, today),
    ).toEqual({ from: '2026-11-01', to: '2026-11-16' });
  });

  it('refuses dates it cannot read, and ranges backwards or over a year', () => {
    const range = (fromText: string, toText: string) => () =>
      resolveReportPeriod({ kind: 'range', fromText, toText }, '2026-11-18');
    expect(range('2月30日', '3月1日')).toThrow(DomainError);
    expect(range('11-15', '11-01')).toThrow(/早于/);
    expect(range('2024-01-01', '2026-01-01')).toThrow(/最长一年/);
  });
});
