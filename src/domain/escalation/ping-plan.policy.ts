import type { BusinessCalendar } from '../calendar/calendar.types.js';
import type { EscalationLadder, NotifyTarget, Org, ReminderOffset } from '../org/org.types.js';
import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type { Duration } from '../shared/duration.types.js';
import type { PingKind } from '../task/task.effects.js';
import type { Task, TaskNode } from '../task/task.types.js';

/** One moment at which the schedule acts on a node, and whom it tells. */
export interface PlannedPing {
  /** `<kind>-<nodeId>-v<deadlineVersion>-<step>`: deterministic, BullMQ-safe. */
  readonly id: string;
  readonly nodeId: string;
  readonly deadlineVersion: number;
  readonly kind: PingKind;
  /** Escalation level (1 = first step of the ladder); 0 for reminders and response checks. */
  readonly level: number;
  readonly at: Date;
  readonly notify: readonly NotifyTarget[];
}

/** Reminders closer together than this are one reminder. */
const MIN_REMINDER_GAP_MS = 5 * 60_000;

/** The ladder a task follows: a template's own, else the urgent or normal one of the org. */
export function ladderFor(
  task: Pick<Task, 'priority'>,
  org: Pick<Org, 'escalation'>,
  templateLadder: EscalationLadder | null = null,
): EscalationLadder {
  if (templateLadder) return templateLadder;
  return task.priority === 'urgent' ? org.escalation.urgent : org.escalation.normal;
}

/**
 * The pings of an active node, in time order: reminders before the deadline (past ones
 * skipped), a response check when the SOP sets a response limit, and each escalation level after
 * the deadline. Non-urgent pings move out of nights, weekends and holidays to the next working
 * moment; urgent ones go when they are due.
 */
export function planNodePings(input: {
  task: Pick<Task, 'priority'>;
  node: TaskNode;
  ladder: EscalationLadder;
  calendar: BusinessCalendar;
  now: Date;
}): PlannedPing[] {
  const { node, ladder, calendar, now } = input;
  if (node.status !== 'active' || !node.dueAt || !node.activatedAt) return [];
  const dueAt = node.dueAt;
  const activatedAt = node.activatedAt;
  const ping = (
    kind: PingKind,
    step: string,
    level: number,
    at: Date,
    notify: readonly NotifyTarget[],
  ): PlannedPing => ({
    id: `${kind}-${node.id}-v${node.deadlineVersion}-${step}`,
    nodeId: node.id,
    deadlineVersion: node.deadlineVersion,
    kind,
    level,
    at: input.task.priority === 'urgent' ? at : calendar.nextWorkingMoment(at),
    notify,
  });
  const reminders = reminderMoments(ladder.remindBefore, activatedAt, dueAt, now).map(
    ({ at, index }) => ping('remind', `r${index}`, 0, at, ['owner']),
  );
  const responseCheck =
    node.responseLimit && !node.acknowledgedAt
      ? [
          ping('response-check', 'ack', 0, calendar.add(activatedAt, node.responseLimit), [
            'owner',
            'liaison',
          ]),
        ]
      : [];
  const escalations = ladder.levels.map((level, i) =>
    ping('escalate', `l${i + 1}`, i + 1, calendar.add(dueAt, level.after), level.notify),
  );
  return [...reminders, ...responseCheck.filter((p) => p.at < dueAt), ...escalations].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id),
  );
}

/**
 * Reminder moments strictly between activation and the deadline, in the future, at least five
 * minutes apart. Each keeps the index of its offset in the ladder, so its ping id stays the same
 * however often the node is re-planned (a fired reminder is never planned again under a new id).
 */
function reminderMoments(
  offsets: readonly ReminderOffset[],
  activatedAt: Date,
  dueAt: Date,
  now: Date,
): { at: Date; index: number }[] {
  const window = dueAt.getTime() - activatedAt.getTime();
  const moments = offsets
    .map((o, index) => ({
      t:
        o.kind === 'share'
          ? activatedAt.getTime() + o.share * window
          : dueAt.getTime() - wallClockMs(o.duration),
      index,
    }))
    .filter(({ t }) => t > activatedAt.getTime() && t < dueAt.getTime())
    .sort((a, b) => a.t - b.t || a.index - b.index);
  const apart = moments.filter(
    (m, i) => i === 0 || m.t - (moments[i - 1]?.t ?? 0) >= MIN_REMINDER_GAP_MS,
  );
  return apart
    .filter(({ t }) => t > now.getTime())
    .map(({ t, index }) => ({ at: new Date(t), index }));
}

/**
 * "Remind 1h before": before a deadline the clock that matters is the wall clock, so working
 * units count as their wall-clock length (a working day as 24 h).
 */
function wallClockMs(duration: Duration): number {
  switch (duration.unit) {
    case 'ms':
      return duration.ms;
    case 'workhours':
      return duration.hours * 3_600_000;
    case 'workdays':
      return duration.days * 86_400_000;
    default:
      return assertExhaustive(duration);
  }
}
