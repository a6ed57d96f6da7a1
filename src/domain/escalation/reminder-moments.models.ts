import type { ReminderOffset } from '../org/org.types.js';
import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type { Duration } from '../shared/duration.types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A reminder moment and the index of its offset in the ladder (its step, part of its id). */
export interface ReminderMoment {
  readonly at: Date;
  readonly step: number;
}

/**
 * Where each reminder offset falls in the window `activatedAt → dueAt`: a share of the window
 * after activation, or a span before the deadline. Only moments strictly inside the window are
 * kept: a reminder at activation repeats the activation notice, one at the deadline the
 * first escalation.
 */
export function reminderMoments(
  offsets: readonly ReminderOffset[],
  activatedAt: Date,
  dueAt: Date,
): ReminderMoment[] {
  const start = activatedAt.getTime();
  const end = dueAt.getTime();
  return offsets
    .map((offset, step) => ({ t: momentOf(offset, start, end), step }))
    .filter(({ t }) => t > start && t < end)
    .map(({ t, step }) => ({ at: new Date(t), step }));
}

function momentOf(offset: ReminderOffset, start: number, end: number): number {
  switch (offset.kind) {
    case 'share':
      return start + offset.share * (end - start);
    case 'before':
      return end - wallClockMs(offset.duration);
    default:
      return assertExhaustive(offset);
  }
}

/**
 * "Remind 1h before": before a deadline the clock that matters is the wall clock, so working
 * units count as their wall-clock length (a working day as 24 h). Moments that then fall out
 * of working time move to the next working moment like any other non-urgent ping.
 */
function wallClockMs(duration: Duration): number {
  switch (duration.unit) {
    case 'ms':
      return duration.ms;
    case 'workhours':
      return duration.hours * HOUR_MS;
    case 'workdays':
      return duration.days * DAY_MS;
    default:
      return assertExhaustive(duration);
  }
}

/**
 * Keeps reminders at least `minGapMs` apart (moments in time order; the earlier one of a close
 * pair stays), so two offsets that land together — often after moving out of a night — ping once.
 */
export function spacedApart<T extends { readonly at: Date }>(
  sorted: readonly T[],
  minGapMs: number,
): T[] {
  const kept: T[] = [];
  for (const item of sorted) {
    const last = kept.at(-1);
    if (!last || item.at.getTime() - last.at.getTime() >= minGapMs) kept.push(item);
  }
  return kept;
}
