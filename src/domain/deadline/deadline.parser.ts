import { MAX_DURATION_DAYS, withinMaximum } from '../shared/duration.parser.js';
import {
  deadlineInPastError,
  deadlineTooFarError,
  deadlineUnparseableError,
} from './deadline.errors.js';
import { formatDeadline } from './deadline.formatter.js';
import type { DeadlineParseContext, DeadlineSpec } from './deadline.types.js';
import { parseAbsoluteDeadline } from './deadline-absolute.parser.js';
import { parseEventOffset } from './deadline-event.parser.js';
import { parsePeriodDeadline } from './deadline-period.parser.js';
import { parseDeadlineSpan } from './deadline-span.parser.js';
import { normalizeDeadlineText } from './deadline-text.models.js';

/**
 * Understands what people write as a node's deadline, in the org's time zone. Tried in order:
 * event-relative (`活动前3天`, `T-1`), spans from activation (`2小时内`, `3个工作日内`, `4wh`),
 * then calendar periods (`月底前`, `季度末`, `本周内`) and absolute times (`明天18:00`, `周五前`,
 * `今天下班前`, `11月30日`). Full-width characters are accepted.
 *
 * @throws DomainError `deadline.unparseable` (message lists examples), `deadline.in_past`
 *   (an absolute time not after `now`; the message shows how it was read) or
 *   `deadline.too_far` (a relative amount beyond one year).
 */
export function parseDeadline(text: string, context: DeadlineParseContext): DeadlineSpec {
  const normalized = normalizeDeadlineText(text);
  const original = text.trim();
  const event = parseEventOffset(normalized, context.now, context.calendar);
  if (event) {
    if (Math.abs(event.offsetDays) > MAX_DURATION_DAYS) throw deadlineTooFarError(text);
    return { kind: 'event-relative', ...event, text: original };
  }
  const duration = parseDeadlineSpan(normalized);
  if (duration) {
    if (!withinMaximum(duration)) throw deadlineTooFarError(text);
    return { kind: 'after-activation', duration, text: original };
  }
  const at = parsePeriodDeadline(normalized, context) ?? parseAbsoluteDeadline(normalized, context);
  if (!at) throw deadlineUnparseableError(text);
  if (at.getTime() <= context.now.getTime()) {
    throw deadlineInPastError(text, formatDeadline(at, context));
  }
  return { kind: 'absolute', at, text: original };
}
