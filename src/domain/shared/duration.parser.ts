import { assertExhaustive } from './assert-exhaustive.js';
import { DomainError } from './domain-error.js';
import type { Duration } from './duration.types.js';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The longest span Baton accepts anywhere (keeps working-time loops bounded). */
export const MAX_DURATION_DAYS = 366;

const WALL_CLOCK_UNIT_MS = { s: SECOND_MS, m: MINUTE_MS, h: HOUR_MS, d: DAY_MS } as const;
const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(wd|wh|s|m|h|d)$/;
const DURATION_USAGE =
  '30s（秒）、10m（分钟）、2h 或 1.5h（小时）、3d（天，按 24 小时计）、3wd（工作日，整数）、4wh（工作小时）、0';

/**
 * Parses a duration in the org-file syntax: `30s`, `10m`, `2h`, `1.5h`, `3d` (calendar days,
 * 24 h each), `3wd` (working days, whole numbers), `4wh` (working hours), or `0`.
 * Full-width characters and capitals are accepted.
 * @throws DomainError `duration.invalid` on anything else, or beyond {@link MAX_DURATION_DAYS}.
 */
export function parseDuration(text: string): Duration {
  const duration = readDuration(text);
  if (duration === null || !withinMaximum(duration)) throw invalidDurationError(text);
  return duration;
}

/** Like {@link parseDuration} but returns `null` instead of throwing, and applies no maximum. */
export function readDuration(text: string): Duration | null {
  const normalized = text.normalize('NFKC').trim().toLowerCase();
  if (normalized === '0') return { unit: 'ms', ms: 0 };
  const match = DURATION_PATTERN.exec(normalized);
  return match ? durationOf(Number(match[1]), match[2] ?? '') : null;
}

function durationOf(value: number, unit: string): Duration | null {
  if (unit === 'wd') return Number.isInteger(value) ? { unit: 'workdays', days: value } : null;
  if (unit === 'wh') return { unit: 'workhours', hours: value };
  if (unit in WALL_CLOCK_UNIT_MS) {
    const unitMs = WALL_CLOCK_UNIT_MS[unit as keyof typeof WALL_CLOCK_UNIT_MS];
    return { unit: 'ms', ms: Math.round(value * unitMs) };
  }
  return null;
}

/** True when the duration is no longer than {@link MAX_DURATION_DAYS} in its own unit. */
export function withinMaximum(duration: Duration): boolean {
  switch (duration.unit) {
    case 'ms':
      return duration.ms <= MAX_DURATION_DAYS * DAY_MS;
    case 'workdays':
      return duration.days <= MAX_DURATION_DAYS;
    case 'workhours':
      return duration.hours <= MAX_DURATION_DAYS * 24;
    default:
      return assertExhaustive(duration);
  }
}

function invalidDurationError(text: string): DomainError {
  return new DomainError(
    'duration.invalid',
    `时长「${text}」看不懂。支持的写法：${DURATION_USAGE}；最长 ${MAX_DURATION_DAYS} 天。`,
    { usage: DURATION_USAGE },
  );
}

/**
 * Chinese display text: `2小时`, `1小时30分钟`, `3天`, `3个工作日`, `4个工作小时`, `0分钟`.
 * Wall-clock spans are split into days, hours, minutes, seconds (and leftover milliseconds).
 */
export function formatDuration(duration: Duration): string {
  switch (duration.unit) {
    case 'ms':
      return formatWallClockMs(duration.ms);
    case 'workdays':
      return `${duration.days}个工作日`;
    case 'workhours':
      return `${duration.hours}个工作小时`;
    default:
      return assertExhaustive(duration);
  }
}

function formatWallClockMs(ms: number): string {
  if (ms === 0) return '0分钟';
  const units: ReadonlyArray<readonly [number, string]> = [
    [DAY_MS, '天'],
    [HOUR_MS, '小时'],
    [MINUTE_MS, '分钟'],
    [SECOND_MS, '秒'],
    [1, '毫秒'],
  ];
  let rest = Math.abs(ms);
  let text = ms < 0 ? '负' : '';
  for (const [unitMs, label] of units) {
    const count = Math.floor(rest / unitMs);
    rest -= count * unitMs;
    if (count > 0) text += `${count}${label}`;
  }
  return text;
}
