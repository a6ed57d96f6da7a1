import type { LocalDate } from '../calendar/calendar.types.js';
import { eventDateInPastError, eventDateUnreadableError } from './deadline.errors.js';
import { formatDeadlineDay } from './deadline.formatter.js';
import type { DeadlineParseContext } from './deadline.types.js';
import { parseAbsoluteDay } from './deadline-absolute.parser.js';
import { parseDeadlineSpan } from './deadline-span.parser.js';
import { normalizeDeadlineText } from './deadline-text.models.js';

/**
 * A task's event date as written (`2026-12-20`, `12月20日`, `下周五`), as a local date of the
 * org. Today is accepted (the event happens today); an earlier day is refused as an event date,
 * not as a deadline. `field` names the field in the refusal (a template may call it 晚会日期).
 *
 * @throws DomainError `event_date.unreadable`, `event_date.in_past`.
 */
export function parseEventDate(
  text: string,
  context: DeadlineParseContext,
  field = '活动日期',
): LocalDate {
  const normalized = normalizeDeadlineText(text);
  // A span ("3天内") is a deadline, not a day, even where chrono would read one into it.
  const date = parseDeadlineSpan(normalized) ? null : parseAbsoluteDay(normalized, context);
  if (!date) throw eventDateUnreadableError(field, text);
  if (date < context.calendar.localDate(context.now)) {
    const noon = context.calendar.atLocalTime(date, 720);
    throw eventDateInPastError(field, text, formatDeadlineDay(noon, context));
  }
  return date;
}
