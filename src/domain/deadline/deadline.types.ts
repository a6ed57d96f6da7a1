import type { BusinessCalendar, LocalDate } from '../calendar/calendar.types.js';
import type { Duration } from '../shared/duration.types.js';

/**
 * A deadline as a person wrote it, understood but not yet pinned to an instant when it
 * depends on when the node becomes active or on the task's event date. `text` keeps what the
 * person typed, for display and audit.
 */
export type DeadlineSpec =
  | { readonly kind: 'absolute'; readonly at: Date; readonly text: string }
  | { readonly kind: 'after-activation'; readonly duration: Duration; readonly text: string }
  | {
      readonly kind: 'event-relative';
      /** Days from the event date: −3 = three days before, 0 = the event day, 1 = the day after. */
      readonly offsetDays: number;
      /** Local time of day in minutes, or `null` for "end of business hours". */
      readonly minuteOfDay: number | null;
      readonly text: string;
    };

/** What parsing needs: the moment the text was written and the org's calendar. */
export interface DeadlineParseContext {
  readonly now: Date;
  readonly calendar: BusinessCalendar;
}

/** What pinning a spec to an instant needs. */
export interface DeadlineResolveContext {
  /** When the node became active (the clock for "2小时内", "3个工作日内"). */
  readonly activatedAt: Date;
  /** The task's event date, for "活动前3天"; `null` when the task has none. */
  readonly eventDate: LocalDate | null;
  readonly calendar: BusinessCalendar;
}

/** What formatting needs: "now" decides 今天 / 明天 and whether to show the year. */
export interface DeadlineFormatContext {
  readonly now: Date;
  readonly calendar: BusinessCalendar;
}
