import { DomainError } from '../shared/domain-error.js';
import { MAX_DURATION_DAYS } from '../shared/duration.parser.js';
import { DEADLINE_EXAMPLES, DEADLINE_HINT_EXAMPLES } from './deadline.examples.js';

const HINT = DEADLINE_HINT_EXAMPLES.join('、');
const USAGE = `截止时间可以写：${DEADLINE_EXAMPLES.join('、')}`;

/** `deadline.unparseable`: the text is not a deadline Baton understands. */
export function deadlineUnparseableError(text: string): DomainError {
  return new DomainError(
    'deadline.unparseable',
    `看不懂截止时间「${text.trim()}」。可以这样写：${HINT}。`,
    { usage: USAGE },
  );
}

/** `deadline.in_past`: an absolute deadline that has already passed; shows how it was read. */
export function deadlineInPastError(text: string, understood: string): DomainError {
  return new DomainError(
    'deadline.in_past',
    `截止时间「${text.trim()}」理解为 ${understood}，这个时间已经过去了，请写一个将来的时间，例如：${HINT}。`,
    { usage: USAGE },
  );
}

/** `deadline.too_far`: a relative deadline beyond the longest span Baton accepts. */
export function deadlineTooFarError(text: string): DomainError {
  return new DomainError(
    'deadline.too_far',
    `截止时间「${text.trim()}」太远了，最长 ${MAX_DURATION_DAYS} 天。`,
    { usage: USAGE },
  );
}

/** `deadline.needs_event_date`: an event-relative deadline on a task without an event date. */
export function deadlineNeedsEventDateError(text: string): DomainError {
  return new DomainError(
    'deadline.needs_event_date',
    `截止时间「${text.trim()}」要按活动日期来算，但这个任务没有活动日期，请先给任务填上活动日期。`,
  );
}

/** `event_date.unreadable`: an event date that is not a date. */
export function eventDateUnreadableError(field: string, text: string): DomainError {
  return new DomainError(
    'event_date.unreadable',
    `${field}「${text.trim()}」要写成具体日期，例如 2026-12-20 或 12月20日。`,
  );
}

/** `event_date.in_past`: an event date before today; it is the event's day, not a deadline. */
export function eventDateInPastError(field: string, text: string, understood: string): DomainError {
  return new DomainError(
    'event_date.in_past',
    `${field}「${text.trim()}」是 ${understood}，已经过去了。这是活动举行的日期，请填今天或以后的日期。`,
  );
}

/** One node whose event-relative deadline has already passed when the task is created. */
export interface PassedEventDeadline {
  readonly node: string;
  readonly text: string;
  readonly understood: string;
}

/** `deadline.event_in_past`: event-relative deadlines that the event date puts in the past. */
export function eventDeadlinesInPastError(
  eventDay: string,
  passed: readonly PassedEventDeadline[],
): DomainError {
  const list = passed.map((p) => `${p.node}（${p.text} → ${p.understood}）`).join('、');
  return new DomainError(
    'deadline.event_in_past',
    `按活动日期 ${eventDay} 算，这些节点的截止时间已经过去了：${list}。请把活动日期改晚，或给这些节点写一个将来的截止时间。`,
    { usage: USAGE },
  );
}
