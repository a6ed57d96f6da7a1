import type { BusinessCalendar } from '../src/domain/calendar/calendar.types.js';

/** What card builders need besides the task: the clock, names and where the console lives. */
export interface CardContext {
  readonly now: Date;
  readonly calendar: BusinessCalendar;
  readonly nameOf: (personId: string) => string;
  /** The name of a person's department, or null when they have none. */
  readonly departmentOf: (personId: string) => string | null;
  readonly publicUrl: string;
}
