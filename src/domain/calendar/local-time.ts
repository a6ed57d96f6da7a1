/**
 * Wall-clock maths in an IANA time zone, done with `Intl` only: the server's own time zone
 * never enters a result.
 */
import type { LocalDate } from './calendar.types.js';
import { formatLocalDate, parseLocalDate, utcMidnight } from './local-date.models.js';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** What a wall clock in the zone shows at an instant. */
export interface WallClock {
  readonly date: LocalDate;
  /** Milliseconds since local midnight as the clock shows it (0 … 86 399 999). */
  readonly msOfDay: number;
}

/**
 * The zone's formatter (memoised: building one is costly).
 * @throws RangeError when `timezone` is not a known IANA zone.
 */
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True when `timezone` is an IANA zone this runtime knows. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time of day of `at` in `timezone`. */
export function wallClockAt(at: Date, timezone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const millisecond = ((at.getTime() % 1000) + 1000) % 1000;
  return {
    date: formatLocalDate({
      year: fields.year ?? 0,
      month: fields.month ?? 0,
      day: fields.day ?? 0,
    }),
    msOfDay:
      ((fields.hour ?? 0) * 3600 + (fields.minute ?? 0) * 60 + (fields.second ?? 0)) * 1000 +
      millisecond,
  };
}

/**
 * The instant at which the zone's wall clock shows `date` plus `msOfDay`.
 * When the clock jumps forward over that time (DST gap) the time is moved forward by the gap;
 * when it shows it twice (DST overlap) the earlier instant wins — the same choice as Temporal's
 * `disambiguation: 'compatible'`.
 * @throws RangeError when `date` is not a valid `YYYY-MM-DD` date.
 */
export function instantAt(date: LocalDate, msOfDay: number, timezone: string): Date {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const wall = utcMidnight(parts) + msOfDay;
  const offsetBefore = offsetMsAt(wall - DAY_MS, timezone);
  const offsetAfter = offsetMsAt(wall + DAY_MS, timezone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => offsetMsAt(instant, timezone) === wall - instant,
  );
  const chosen = candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore;
  return new Date(chosen);
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetMsAt(instant: number, timezone: string): number {
  const clock = wallClockAt(new Date(instant), timezone);
  const parts = parseLocalDate(clock.date);
  if (!parts) throw new RangeError(`Unrepresentable instant: ${instant}`);
  return utcMidnight(parts) + clock.msOfDay - instant;
}
