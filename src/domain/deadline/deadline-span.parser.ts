import { readDuration } from '../shared/duration.parser.js';
import type { Duration } from '../shared/duration.types.js';
import { NUMBER_SOURCE, parseNumberWord } from './deadline-text.models.js';

const MINUTE_MS = 60_000;
const WALL_CLOCK_UNIT_MS: Readonly<Record<string, number>> = {
  秒: 1000,
  秒钟: 1000,
  分: MINUTE_MS,
  分钟: MINUTE_MS,
  小时: 60 * MINUTE_MS,
  钟头: 60 * MINUTE_MS,
  天: 24 * 60 * MINUTE_MS,
  日: 24 * 60 * MINUTE_MS,
};
const SUFFIX = '(?:内|之内|以内|后|之后|以后)?';
// "一个半小时" = 1.5 h: a number, an optional 个, an optional 半.
const AMOUNT = `(${NUMBER_SOURCE}|半)\\s*(个)?(半)?\\s*`;
const WALL_CLOCK_PATTERN = new RegExp(`^${AMOUNT}(秒钟|秒|分钟|分|小时|钟头|天|日)${SUFFIX}$`);
const WORKDAYS_PATTERN = new RegExp(`^(${NUMBER_SOURCE})\\s*个?\\s*(?:工作日|工作天)${SUFFIX}$`);
const WORKHOURS_PATTERN = new RegExp(`^${AMOUNT}(?:工作小时|工作时|工时)${SUFFIX}$`);
const ORG_SYNTAX_PATTERN = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(wd|wh|s|m|h|d)${SUFFIX}$`);

/**
 * A span counted from the moment the node becomes active: `2小时内`, `30分钟`, `半小时`,
 * `一个半小时`, `3天内` (72 h), `3个工作日内`, `4个工作小时`, or the org-file syntax `2h`,
 * `3wd`, `4wh`. `null` when the text is not a span.
 */
export function parseDeadlineSpan(text: string): Duration | null {
  const orgSyntax = ORG_SYNTAX_PATTERN.exec(text);
  if (orgSyntax) return readDuration(`${orgSyntax[1]}${orgSyntax[2]}`);
  const workdays = WORKDAYS_PATTERN.exec(text);
  if (workdays) {
    const days = parseNumberWord(workdays[1] ?? '');
    return days !== null && Number.isInteger(days) ? { unit: 'workdays', days } : null;
  }
  const workhours = WORKHOURS_PATTERN.exec(text);
  if (workhours) {
    const hours = amountOf(workhours);
    return hours === null ? null : { unit: 'workhours', hours };
  }
  const wallClock = WALL_CLOCK_PATTERN.exec(text);
  const amount = wallClock ? amountOf(wallClock) : null;
  const unitMs = WALL_CLOCK_UNIT_MS[wallClock?.[4] ?? ''];
  return amount === null || unitMs === undefined
    ? null
    : { unit: 'ms', ms: Math.round(amount * unitMs) };
}

/** The amount in an {@link AMOUNT} match: `两` → 2, `半` → 0.5, `一…半` → 1.5; "半…半" is no amount. */
function amountOf(match: RegExpExecArray): number | null {
  const [, numberText = '', , extraHalf] = match;
  if (numberText === '半') return extraHalf ? null : 0.5;
  const value = parseNumberWord(numberText);
  if (value === null) return null;
  return extraHalf ? value + 0.5 : value;
}
