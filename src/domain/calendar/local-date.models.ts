import type { LocalDate } from './calendar.types.js';

const DAY_MS = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of a {@link LocalDate}. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The parts of a `YYYY-MM-DD` string, or `null` when it is not a real calendar date. */
export function parseLocalDate(date: string): DateParts | null {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatLocalDate(parts) === date && isRealDate(parts) ? parts : null;
}

/** Formats parts as `YYYY-MM-DD` (no validation). */
export function formatLocalDate({ year, month, day }: DateParts): LocalDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True when the parts name a day that exists (e.g. not 2 月 30 日). */
export function isRealDate(parts: DateParts): boolean {
  const utc = new Date(utcMidnight(parts));
  return (
    utc.getUTCFullYear() === parts.year &&
    utc.getUTCMonth() === parts.month - 1 &&
    utc.getUTCDate() === parts.day
  );
}

/**
 * The date `n` days after `date` (negative `n` goes back).
 * @throws RangeError when `date` is not a valid `YYYY-MM-DD` date.
 */
export function addDays(date: LocalDate, n: number): LocalDate {
  const utc = new Date(utcMidnight(requireDate(date)) + n * DAY_MS);
  return formatLocalDate({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
  });
}

/** Day of the week, 0 = Sunday … 6 = Saturday. @throws RangeError on an invalid date. */
export function weekdayOf(date: LocalDate): number {
  return new Date(utcMidnight(requireDate(date))).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @throws RangeError on invalid dates. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(requireDate(to)) - utcMidnight(requireDate(from))) / DAY_MS);
}

function requireDate(date: LocalDate): DateParts {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return parts;
}

/** Epoch milliseconds of the date's midnight in UTC (date arithmetic without any zone). */
export function utcMidnight({ year, month, day }: DateParts): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
