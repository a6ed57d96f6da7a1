import type { BusinessCalendar, LocalDate } from '../calendar/calendar.types.js';
import { addDays } from '../calendar/local-date.models.js';
import { assertExhaustive } from '../shared/assert-exhaustive.js';
import { deadlineNeedsEventDateError } from './deadline.errors.js';
import type { DeadlineResolveContext, DeadlineSpec } from './deadline.types.js';

/**
 * Pins a deadline to an instant.
 *
 * - `absolute`: its instant.
 * - `after-activation`: `activatedAt` plus the duration (working time via the calendar).
 * - `event-relative`: the event date shifted by `offsetDays`, at `minuteOfDay` or, without a
 *   time, at the end of business hours. When that day is not a working day, a deadline BEFORE
 *   the event moves earlier to the previous working day (preparations must be done before the
 *   event), one AFTER the event moves later to the next working day (follow-ups happen on the
 *   next working day), and the event day itself stays (the event happens that day regardless).
 *
 * @throws DomainError `deadline.needs_event_date` for an event-relative spec without an event date.
 * @throws RangeError when `eventDate` is not a valid `YYYY-MM-DD` date.
 */
export function resolveDeadline(spec: DeadlineSpec, context: DeadlineResolveContext): Date {
  switch (spec.kind) {
    case 'absolute':
      return spec.at;
    case 'after-activation':
      return context.calendar.add(context.activatedAt, spec.duration);
    case 'event-relative':
      return resolveEventRelative(spec, context.eventDate, context.calendar);
    default:
      return assertExhaustive(spec);
  }
}

function resolveEventRelative(
  spec: Extract<DeadlineSpec, { kind: 'event-relative' }>,
  eventDate: LocalDate | null,
  calendar: BusinessCalendar,
): Date {
  if (eventDate === null) throw deadlineNeedsEventDateError(spec.text);
  const target = addDays(eventDate, spec.offsetDays);
  let day = target;
  if (spec.offsetDays < 0 && !calendar.isWorkday(target)) day = calendar.previousWorkday(target);
  if (spec.offsetDays > 0 && !calendar.isWorkday(target)) day = calendar.nextWorkday(target);
  return spec.minuteOfDay === null
    ? calendar.endOfWorkday(day)
    : calendar.atLocalTime(day, spec.minuteOfDay);
}
