import { describe, expect, it } from 'vitest';
import { parseWorkHours } from '../../../../src/domain/calendar/work-hours.parser.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';

describe('parseWorkHours', () => {
  it.each([
    ['09:00-18:00', 540, 1080],
    ['9:00-18:00', 540, 1080],
    ['08:30-17:30', 510, 1050],
    ['09:00~18:00', 540, 1080],
    ['09:00 – 18:00', 540, 1080],
    ['09:00至18:00', 540, 1080],
    ['09:00到18:00', 540, 1080],
    ['０９：００－１８：００', 540, 1080],
    ['  09:00-18:00  ', 540, 1080],
    ['00:00-24:00', 0, 1440],
    ['22:00-23:59', 1320, 1439],
  ])('%j → %d–%d', (text, start, end) => {
    expect(parseWorkHours(text)).toEqual({ workStartMinute: start, workEndMinute: end });
  });

  it.each([
    '',
    '9-18',
    '09:00',
    '18:00-09:00',
    '09:00-09:00',
    '09:60-18:00',
    '25:00-26:00',
    '09:00-24:30',
    '9am-6pm',
    '09:00-18:00-20:00',
    '09:0-18:00',
  ])('rejects %j with calendar.invalid_work_hours', (text) => {
    const error = catchError(() => parseWorkHours(text));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'calendar.invalid_work_hours' });
    expect((error as DomainError).userMessage).toContain('09:00-18:00');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
