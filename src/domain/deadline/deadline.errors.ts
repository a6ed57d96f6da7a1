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
