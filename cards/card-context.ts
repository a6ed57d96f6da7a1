import type { BusinessCalendar } from '../src/domain/calendar/calendar.types.js';
import type { EscalationLadder } from '../src/domain/org/org.types.js';
import type { Task } from '../src/domain/task/task.types.js';

/** What card builders need besides the task: the clock, names and where the console lives. */
export interface CardContext {
  readonly now: Date;
  readonly calendar: BusinessCalendar;
  readonly nameOf: (personId: string) => string;
  /** The name of a person's department, or null when they have none. */
  readonly departmentOf: (personId: string) => string | null;
  readonly publicUrl: string;
  /** The ladder a task's pings follow, when known (cards say when a held ping will go). */
  readonly ladderOf?: (task: Task) => EscalationLadder | null;
}
