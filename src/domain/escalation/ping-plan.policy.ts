import type { BusinessCalendar } from '../calendar/calendar.types.js';
import type { EscalationLadder, NotifyTarget, Org } from '../org/org.types.js';
import type { PingKind } from '../task/task.effects.js';
import type { Task, TaskNode } from '../task/task.types.js';
import { reminderMoments, spacedApart } from './reminder-moments.models.js';

/** One moment at which the schedule acts on a node, and whom it tells. */
export interface PlannedPing {
  /**
   * `<kind>-<nodeId>-v<deadlineVersion>-<step>`, e.g. `escalate-nod_3f9c-v2-1`: the same ping
   * always gets the same id, however often the node is re-planned; BullMQ-safe (no `:`, never
   * digits only).
   */
  readonly id: string;
  readonly nodeId: string;
  readonly deadlineVersion: number;
  readonly kind: PingKind;
  /** Escalation level (1 = first step of the ladder); 0 for reminders and response checks. */
  readonly level: number;
  /** Reminders: the offset's index in `remindBefore`; escalations: the level; response check: 0. */
  readonly step: number;
  readonly at: Date;
  readonly notify: readonly NotifyTarget[];
}

/** Reminders closer together than this are one reminder. */
export const MIN_REMINDER_GAP_MS = 5 * 60_000;

/** Who hears that an owner has not responded within the SOP's response limit. */
const RESPONSE_CHECK_NOTIFY: readonly NotifyTarget[] = ['owner', 'liaison'];

const KIND_ORDER: Record<PingKind, number> = { remind: 0, 'response-check': 1, escalate: 2 };

/** The ladder a task follows: its template's own, else the org's urgent or normal one. */
export function ladderFor(
  task: Pick<Task, 'priority'>,
  org: Pick<Org, 'escalation'>,
  templateLadder: EscalationLadder | null = null,
): EscalationLadder {
  if (templateLadder) return templateLadder;
  return task.priority === 'urgent' ? org.escalation.urgent : org.escalation.normal;
}

export interface PingPlanInput {
  readonly task: Pick<Task, 'priority'>;
  readonly node: TaskNode;
  readonly ladder: EscalationLadder;
  readonly calendar: BusinessCalendar;
  readonly now: Date;
}

/**
 * The pings of an active node, in time order (empty for any other node):
 * - reminders from the ladder's `remindBefore`, inside the window activation → deadline, not
 *   yet past at `now`, at least {@link MIN_REMINDER_GAP_MS} apart;
 * - a response check at activation + the SOP's response limit while the node is not
 *   acknowledged, when that comes before the deadline (after it, the escalation says it all);
 * - each escalation level at the deadline + its `after` (working units via the calendar).
 *
 * Non-urgent pings never go out of working time: each moves to the next working moment, and a
 * deadline that falls in a night, weekend or holiday counts from the next working moment — so
 * the ladder's steps stay apart instead of all landing on Monday 09:00. Urgent pings go when due.
 * @throws Error when the node id contains `:` (ids must stay BullMQ-safe).
 */
export function planNodePings(input: PingPlanInput): PlannedPing[] {
  const { node, ladder, calendar, now } = input;
  if (node.status !== 'active' || !node.dueAt || !node.activatedAt) return [];
  if (node.id.includes(':')) throw new Error(`node id "${node.id}" must not contain ":"`);
  const urgent = input.task.priority === 'urgent';
  const shift = (at: Date) => (urgent ? at : calendar.nextWorkingMoment(at));
  const ping = pingOf(node);
  const due = shift(node.dueAt);
  // Spaced apart before dropping past ones, so a re-plan never revives a merged reminder.
  const reminders = spacedApart(
    reminderMoments(ladder.remindBefore, node.activatedAt, node.dueAt)
      .map(({ at, step }) => ping('remind', step, 0, shift(at), ['owner']))
      .filter((p) => p.at < due)
      .sort(byTime),
    MIN_REMINDER_GAP_MS,
  ).filter((p) => p.at > now);
  const responseCheck =
    node.responseLimit && !node.acknowledgedAt
      ? [
          ping(
            'response-check',
            0,
            0,
            shift(calendar.add(node.activatedAt, node.responseLimit)),
            RESPONSE_CHECK_NOTIFY,
          ),
        ].filter((p) => p.at < due)
      : [];
  const escalations = ladder.levels.map((level, i) =>
    ping('escalate', i + 1, i + 1, shift(calendar.add(due, level.after)), level.notify),
  );
  return [...reminders, ...responseCheck, ...escalations].sort(byTime);
}

const PING_ID = /^(?:remind|response-check|escalate)-(.+)-v(\d+)-\d+$/;

/** The node and deadline version a ping id was planned for; null for an id of another shape. */
export function pingIdTarget(id: string): { nodeId: string; deadlineVersion: number } | null {
  const match = PING_ID.exec(id);
  return match?.[1] && match[2] ? { nodeId: match[1], deadlineVersion: Number(match[2]) } : null;
}

/**
 * Whether a scheduled ping must stay in the schedule although a fresh plan leaves it out: it
 * belongs to the node's current deadline version. A fresh plan drops reminders whose moment has
 * passed, and one that is due but not yet fired (waiting for a worker, or held by a worker that
 * died) must still fire; the firing job itself decides whether it still applies.
 */
export function belongsToCurrentPlan(
  id: string,
  currentVersion: (nodeId: string) => number | undefined,
): boolean {
  const target = pingIdTarget(id);
  return target !== null && currentVersion(target.nodeId) === target.deadlineVersion;
}

function pingOf(node: TaskNode) {
  return (
    kind: PingKind,
    step: number,
    level: number,
    at: Date,
    notify: readonly NotifyTarget[],
  ): PlannedPing => ({
    id: `${kind}-${node.id}-v${node.deadlineVersion}-${step}`,
    nodeId: node.id,
    deadlineVersion: node.deadlineVersion,
    kind,
    level,
    step,
    at,
    notify,
  });
}

function byTime(a: PlannedPing, b: PlannedPing): number {
  return (
    a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.step - b.step
  );
}
