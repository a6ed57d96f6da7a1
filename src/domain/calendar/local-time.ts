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
  const local = at.getTime() + offsetOfSecond(Math.floor(at.getTime() / 1000), timezone);
  const day = Math.floor(local / DAY_MS);
  const midnight = new Date(day * DAY_MS);
  return {
    date: formatLocalDate({
      year: midnight.getUTCFullYear(),
      month: midnight.getUTCMonth() + 1,
      day: midnight.getUTCDate(),
    }),
    msOfDay: local - day * DAY_MS,
  };
}

/**
 * Offsets already asked for, by zone and UTC second: `Intl` formatting is the calendar's
 * costliest step, and planning a schedule asks for the same few seconds again and again. An
 * offset holds for a whole second (zones change on whole seconds), so the cache is exact.
 */
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 50_000;

/** How far the zone's wall clock is ahead of UTC during the UTC second `second`, in ms. */
function offsetOfSecond(second: number, timezone: string): number {
  const key = `${timezone} ${second}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(second * 1000))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const shown = Date.UTC(
    fields.year ?? 0,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  const offset = shown - second * 1000;
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
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
