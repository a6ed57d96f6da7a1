import { formatDeadline } from '../src/domain/deadline/deadline.formatter.js';
import type { DeadlineFormatContext, DeadlineSpec } from '../src/domain/deadline/deadline.types.js';
import { formatDuration } from '../src/domain/shared/duration.parser.js';

/**
 * The deadline of a node not started yet: a span counts from its start (`开始后 2个工作小时`),
 * a fixed moment is shown like any deadline, an event-relative one as written (`活动前3天`).
 */
export function describeDeadlineSpec(spec: DeadlineSpec, ctx: DeadlineFormatContext): string {
  switch (spec.kind) {
    case 'absolute':
      return formatDeadline(spec.at, ctx);
    case 'after-activation':
      return `开始后 ${formatDuration(spec.duration)}`;
    case 'event-relative':
      return spec.text;
  }
}
