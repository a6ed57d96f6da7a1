import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../../src/domain/calendar/calendar.types.js';
import { resolveDeadline } from '../../../../src/domain/deadline/deadline.resolver.js';
import type { DeadlineSpec } from '../../../../src/domain/deadline/deadline.types.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import type { Duration } from '../../../../src/domain/shared/duration.types.js';
import { berlinCalendar, sh, shanghaiCalendar, toSh } from '../calendar/calendar.fixtures.js';

const calendar = shanghaiCalendar();
const HOUR = 3_600_000;

function eventSpec(offsetDays: number, minuteOfDay: number | null = null): DeadlineSpec {
  return { kind: 'event-relative', offsetDays, minuteOfDay, text: `T${offsetDays}` };
}

describe('absolute', () => {
  it('returns its instant whatever the context', () => {
    const at = sh('2026-11-30 15:00');
    const spec: DeadlineSpec = { kind: 'absolute', at, text: '11月30日 15:00' };
    expect(
      resolveDeadline(spec, { activatedAt: sh('2026-12-25 10:00'), eventDate: null, calendar }),
    ).toBe(at);
  });
});

describe('after-activation', () => {
  it.each<[string, Duration, string]>([
    ['2026-11-27 16:00', { unit: 'ms', ms: 2 * HOUR }, '2026-11-27 18:00'],
    ['2026-11-27 16:00', { unit: 'ms', ms: 72 * HOUR }, '2026-11-30 16:00'],
    ['2026-11-27 16:00', { unit: 'workdays', days: 3 }, '2026-12-02 16:00'],
    ['2026-11-27 16:00', { unit: 'workhours', hours: 4 }, '2026-11-30 11:00'],
    ['2026-09-30 10:00', { unit: 'workdays', days: 3 }, '2026-10-10 10:00'],
    ['2026-09-30 16:00', { unit: 'workhours', hours: 4 }, '2026-10-08 11:00'],
    ['2026-11-28 10:00', { unit: 'workhours', hours: 2 }, '2026-11-30 11:00'],
    ['2026-11-28 10:00', { unit: 'ms', ms: 2 * HOUR }, '2026-11-28 12:00'],
  ])('activated %s + %j → %s', (activated, duration, expected) => {
    const spec: DeadlineSpec = { kind: 'after-activation', duration, text: '' };
    expect(
      toSh(resolveDeadline(spec, { activatedAt: sh(activated), eventDate: null, calendar })),
    ).toBe(expected);
  });
});

describe('event-relative', () => {
  it.each<[LocalDate, number, number | null, string]>([
    // Event on Saturday 2026-10-10 (a make-up working day).
    ['2026-10-10', 0, null, '2026-10-10 18:00'],
    ['2026-10-10', -1, null, '2026-10-09 18:00'],
    ['2026-10-10', -2, null, '2026-10-08 18:00'],
    ['2026-10-10', -3, null, '2026-09-30 18:00'],
    ['2026-10-10', -7, null, '2026-09-30 18:00'],
    ['2026-10-10', -10, null, '2026-09-30 18:00'],
    ['2026-10-10', -11, null, '2026-09-29 18:00'],
    ['2026-10-10', 1, null, '2026-10-12 18:00'],
    // Event on Sunday 2026-12-06.
    ['2026-12-06', 0, null, '2026-12-06 18:00'],
    ['2026-12-06', -1, null, '2026-12-04 18:00'],
    ['2026-12-06', -2, null, '2026-12-04 18:00'],
    ['2026-12-06', -3, null, '2026-12-03 18:00'],
    ['2026-12-06', 1, null, '2026-12-07 18:00'],
    ['2026-12-06', -1, 600, '2026-12-04 10:00'],
    ['2026-12-06', 0, 540, '2026-12-06 09:00'],
    ['2026-12-06', -3, 720, '2026-12-03 12:00'],
    // Event on Friday 2026-12-04: the day after is Saturday → moves to Monday.
    ['2026-12-04', 1, null, '2026-12-07 18:00'],
    ['2026-12-04', 2, null, '2026-12-07 18:00'],
    ['2026-12-04', 3, null, '2026-12-07 18:00'],
    // Spring Festival: the day before 02-24 is a holiday; the previous working day is Saturday 02-14.
    ['2026-02-24', -1, null, '2026-02-14 18:00'],
    ['2026-02-24', -11, null, '2026-02-13 18:00'],
    ['2026-02-27', 1, null, '2026-02-28 18:00'],
    // Month and year ends.
    ['2026-12-01', -1, null, '2026-11-30 18:00'],
    ['2027-01-04', -3, null, '2026-12-31 18:00'], // T-3 is 元旦 2027: the working day before
    ['2026-01-05', -1, null, '2026-01-04 18:00'],
    ['2026-01-05', -2, null, '2025-12-31 18:00'],
    ['2026-01-04', -1, null, '2025-12-31 18:00'],
  ])('event %s, offset %d, minute %s → %s', (eventDate, offsetDays, minute, expected) => {
    const resolved = resolveDeadline(eventSpec(offsetDays, minute), {
      activatedAt: sh('2026-01-01 00:00'),
      eventDate,
      calendar,
    });
    expect(toSh(resolved)).toBe(expected);
  });

  it('deadline.needs_event_date without an event date', () => {
    const spec: DeadlineSpec = {
      kind: 'event-relative',
      offsetDays: -3,
      minuteOfDay: null,
      text: '活动前3天',
    };
    let caught: unknown;
    try {
      resolveDeadline(spec, { activatedAt: sh('2026-11-23 10:00'), eventDate: null, calendar });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'deadline.needs_event_date' });
    expect((caught as DomainError).userMessage).toContain('活动前3天');
  });

  it('Europe/Berlin: the day before a Monday event after the spring change is Friday 18:00 CET', () => {
    const resolved = resolveDeadline(eventSpec(-1), {
      activatedAt: new Date('2026-03-01T00:00:00Z'),
      eventDate: '2026-03-30',
      calendar: berlinCalendar(),
    });
    expect(resolved.toISOString()).toBe('2026-03-27T17:00:00.000Z');
  });
});
