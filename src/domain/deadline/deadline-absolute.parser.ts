import type { LocalDate } from '../calendar/calendar.types.js';
import {
  addDays,
  daysBetween,
  formatLocalDate,
  isRealDate,
  parseLocalDate,
  weekdayOf,
} from '../calendar/local-date.models.js';
import type { DeadlineParseContext } from './deadline.types.js';
import { stripLeadingFiller } from './deadline-text.models.js';
import {
  type ClockReading,
  type DayPeriod,
  extractPeriod,
  readDateAndClock,
  resolveMinute,
} from './time-of-day.parser.js';

/** Relative day words, longest first so 大后天 wins over 后天; some also name a part of the day. */
const RELATIVE_DAYS: ReadonlyArray<
  readonly [word: string, offset: number, period: DayPeriod | null]
> = [
  ['大后天', 3, null],
  ['后天', 2, null],
  ['后日', 2, null],
  ['明天', 1, null],
  ['明日', 1, null],
  ['明早', 1, 'early-morning'],
  ['明晚', 1, 'evening'],
  ['今天', 0, null],
  ['今日', 0, null],
  ['今早', 0, 'early-morning'],
  ['今晚', 0, 'evening'],
  ['今夜', 0, 'evening'],
  ['昨天', -1, null],
  ['昨日', -1, null],
  ['前天', -2, null],
];
const RELATIVE_DAY_PATTERN = new RegExp(RELATIVE_DAYS.map(([word]) => word).join('|'));
const WEEKDAY_PATTERN = /(上|下|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])/;
/** ISO weekday numbers: Monday = 1 … Sunday = 7 (Chinese weeks start on Monday). */
const ISO_WEEKDAYS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
};
const TRAILING_FILLER = /\s*(?:之前|以前|前|为止|截止)$/;

/** A day named by a word we resolve ourselves (chrono's rules differ from Chinese usage). */
interface DayPick {
  readonly date: LocalDate;
  readonly period: DayPeriod | null;
  /** Days to move forward when the deadline has already passed (bare weekday "周五" = 7). */
  readonly rollDays: number;
  readonly rest: string;
}

/**
 * An absolute deadline: `明天18:00`, `后天上午`, `周五前`, `下周一上午`, `11月30日`, `12/1`,
 * `2026-12-01 10:00`, `今天17点`, `今晚`, `18:00`. `null` when the text is not understood.
 * The result may lie in the past; the caller decides what to do with that.
 *
 * Rules (all in the org's zone): a date without a time means the end of business hours that
 * day, whether or not it is a working day — "周五前" is Friday 18:00; `前`/`之前` only mark
 * "by". 上午 means by 12:00 and 下午 by the end of business hours (see `resolveMinute`).
 * "明天" is always the next calendar day, even at 01:30. A bare weekday is the next such
 * day whose deadline is still ahead; 本周/下周 use Monday-based weeks. A time alone is today,
 * or tomorrow once it has passed. A month-day without a year takes the nearest such date.
 */
export function parseAbsoluteDeadline(text: string, context: DeadlineParseContext): Date | null {
  const reading = readAbsolute(text, context);
  if (!reading) return null;
  const { now, calendar } = context;
  const deadlineMinute = reading.minute ?? calendar.config.workEndMinute;
  const at = calendar.atLocalTime(reading.date, deadlineMinute);
  if (reading.rollDays === 0 || at.getTime() > now.getTime()) return at;
  return calendar.atLocalTime(addDays(reading.date, reading.rollDays), deadlineMinute);
}

/**
 * The day an absolute text names (`2026-12-20`, `12月20日`, `下周五`, `今天`), as written: no
 * time of day, and a bare weekday that is today stays today. `null` when it is not understood.
 */
export function parseAbsoluteDay(text: string, context: DeadlineParseContext): LocalDate | null {
  return readAbsolute(text, context)?.date ?? null;
}

/** What an absolute text says: the day, the minute if any, and how far a passed one moves. */
interface AbsoluteReading {
  readonly date: LocalDate;
  readonly minute: number | null;
  readonly rollDays: number;
}

function readAbsolute(
  text: string,
  { now, calendar }: DeadlineParseContext,
): AbsoluteReading | null {
  const today = calendar.localDate(now);
  const prepared = stripFillers(rewriteSlashDates(text));
  const pick = pickRelativeDay(prepared, today) ?? pickWeekday(prepared, today);
  const { period, rest } = extractPeriod((pick?.rest ?? prepared).trim());
  const reading = readDateAndClock(rest, now, calendar);
  if (!reading || (pick && reading.date)) return null;
  const minute = resolveMinute(
    reading.minuteOfDay,
    period ?? pick?.period ?? null,
    calendar.config,
  );
  // undefined: the text names no date; null: it names one that does not exist.
  const readDate = reading.date ? dateOfReading(reading.date, today) : undefined;
  const date = pick?.date ?? readDate ?? (minute === null ? null : today);
  if (date === null || readDate === null) return null;
  return { date, minute, rollDays: pick?.rollDays ?? (reading.date ? 0 : 1) };
}

function pickRelativeDay(text: string, today: LocalDate): DayPick | null {
  const word = RELATIVE_DAY_PATTERN.exec(text)?.[0];
  const entry = RELATIVE_DAYS.find(([candidate]) => candidate === word);
  if (!word || !entry) return null;
  return {
    date: addDays(today, entry[1]),
    period: entry[2],
    rollDays: 0,
    rest: text.replace(word, ''),
  };
}

function pickWeekday(text: string, today: LocalDate): DayPick | null {
  const match = WEEKDAY_PATTERN.exec(text);
  const target = ISO_WEEKDAYS[match?.[2] ?? ''] ?? Number(match?.[2]);
  if (!match || !Number.isInteger(target)) return null;
  const current = weekdayOf(today) || 7;
  const prefix = match[1];
  const weekShift = prefix === '下' ? 7 : prefix === '上' ? -7 : 0;
  const delta = prefix === undefined ? (target - current + 7) % 7 : target - current + weekShift;
  return {
    date: addDays(today, delta),
    period: null,
    rollDays: prefix === undefined ? 7 : 0,
    rest: text.replace(match[0], ''),
  };
}

/** The date chrono read, if real; without a year, the year that puts it nearest to today. */
function dateOfReading(
  date: NonNullable<ClockReading['date']>,
  today: LocalDate,
): LocalDate | null {
  const thisYear = parseLocalDate(today)?.year ?? 0;
  const years = date.year === null ? [thisYear - 1, thisYear, thisYear + 1] : [date.year];
  const candidates = years
    .map((year) => ({ year, month: date.month, day: date.day }))
    .filter(isRealDate)
    .map(formatLocalDate);
  const distance = (candidate: LocalDate) => Math.abs(daysBetween(today, candidate));
  return candidates.reduce<LocalDate | null>(
    (best, candidate) => (best === null || distance(candidate) < distance(best) ? candidate : best),
    null,
  );
}

/** `12/1` → `12月1日`, `2026/12/1` → `2026年12月1日`: chrono's Chinese parser has no slash dates. */
function rewriteSlashDates(text: string): string {
  return text
    .replace(/(\d{4})\/(\d{1,2})\/(\d{1,2})/g, '$1年$2月$3日')
    .replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, '$1月$2日');
}

function stripFillers(text: string): string {
  return stripLeadingFiller(text).replace(TRAILING_FILLER, '');
}
