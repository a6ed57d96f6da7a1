import type { Duration } from '../shared/duration.types.js';

/** A calendar date in the organisation's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** How an organisation works: time zone, business hours and days off. */
export interface CalendarConfig {
  /** IANA zone, e.g. `Asia/Shanghai`. All wall-clock maths happens here, never in the server's TZ. */
  readonly timezone: string;
  /** Business hours as minutes after local midnight, e.g. 540–1080 for 09:00–18:00. */
  readonly workStartMinute: number;
  readonly workEndMinute: number;
  /** `cn`: Chinese statutory holidays and make-up working days (调休); `none`: Mon–Fri only. */
  readonly holidays: 'cn' | 'none';
  /** The org's own days off; they win over everything else. */
  readonly extraHolidays: readonly LocalDate[];
  /** The org's own extra working days; they win over statutory holidays and weekends. */
  readonly extraWorkdays: readonly LocalDate[];
  /**
   * The State Council's yearly schedules loaded beside the bundled ones, first match per year
   * wins. A year with none falls back to the statutory holidays computed by law.
   */
  readonly officialSchedules: readonly OfficialSchedule[];
}

/** Who put an official schedule in place: the org file, `baton calendar import`, or Baton's `calendars/`. */
export type ScheduleOrigin = 'org-file' | 'import' | 'baton';

/**
 * One year of the State Council's notice (国务院办公厅关于某年部分节假日安排的通知): every day
 * off of its holidays (weekends inside them included) and the make-up working days (调休).
 * Dates it does not list follow the Monday–Friday rule.
 */
export interface OfficialSchedule {
  readonly year: number;
  readonly holidays: readonly LocalDate[];
  readonly workdays: readonly LocalDate[];
  readonly origin: ScheduleOrigin;
  /** What it was read from, for people: a file name, the notice's title or number. */
  readonly source: string;
}

/**
 * Working-time arithmetic for one organisation. Every method is pure and takes instants as
 * `Date`; results are instants too. Business hours are half-open: 18:00 itself is outside.
 */
export interface BusinessCalendar {
  readonly config: CalendarConfig;
  /** The local calendar date of an instant. */
  localDate(at: Date): LocalDate;
  /** Minutes after local midnight that the org's wall clock shows at `at` (seconds dropped). */
  minuteOfDay(at: Date): number;
  /** True on working days: weekdays that are not holidays, plus make-up days and extra workdays. */
  isWorkday(date: LocalDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkday(date: LocalDate): LocalDate;
  /** The last working day strictly before `date`. */
  previousWorkday(date: LocalDate): LocalDate;
  /** True inside business hours of a working day. */
  isWorkingMoment(at: Date): boolean;
  /** `at` itself when it is a working moment, otherwise the start of the next working period. */
  nextWorkingMoment(at: Date): Date;
  /** The instant `date` at local `minuteOfDay` (e.g. 18:00 = 1080). */
  atLocalTime(date: LocalDate, minuteOfDay: number): Date;
  /** End of business hours on that date (whether or not it is a working day). */
  endOfWorkday(date: LocalDate): Date;
  /** The same local time `n` working days later (n ≥ 0); from a non-working moment, counts from the next working moment. */
  addWorkingDays(from: Date, n: number): Date;
  /** Adds `hours` of business time, skipping nights, weekends and holidays. */
  addWorkingHours(from: Date, hours: number): Date;
  /** Business milliseconds between two instants (0 when `to` ≤ `from`). */
  workingMsBetween(from: Date, to: Date): number;
  /** Adds a duration in its own unit. */
  add(from: Date, duration: Duration): Date;
}
