import { invalidWorkHoursError } from './calendar.errors.js';

const WORK_HOURS_PATTERN = /^(\d{1,2}):(\d{2})\s*(?:-|~|–|—|至|到)\s*(\d{1,2}):(\d{2})$/;

/** Business hours as minutes after local midnight. */
export interface WorkHours {
  readonly workStartMinute: number;
  readonly workEndMinute: number;
}

/**
 * Parses business hours such as `09:00-18:00` (also `9:00~18:00`, `09:00 至 18:00`,
 * full-width digits). The end may be `24:00`.
 * @throws DomainError `calendar.invalid_work_hours` on any other text, or when start ≥ end.
 */
export function parseWorkHours(text: string): WorkHours {
  const match = WORK_HOURS_PATTERN.exec(text.normalize('NFKC').trim());
  const start = match ? clockMinute(match[1], match[2]) : null;
  const end = match ? clockMinute(match[3], match[4]) : null;
  if (start === null || end === null || start >= end) {
    throw invalidWorkHoursError(text);
  }
  return { workStartMinute: start, workEndMinute: end };
}

function clockMinute(hourText: string | undefined, minuteText: string | undefined): number | null {
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}
