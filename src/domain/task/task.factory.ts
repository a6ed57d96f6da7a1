import type { LocalDate } from '../calendar/calendar.types.js';
import { eventDeadlinesInPastError } from '../deadline/deadline.errors.js';
import { formatDeadline, formatDeadlineDay } from '../deadline/deadline.formatter.js';
import { resolveDeadline } from '../deadline/deadline.resolver.js';
import type { DeadlineSpec } from '../deadline/deadline.types.js';
import type { Platform } from '../org/org.types.js';
import type { Duration } from '../shared/duration.types.js';
import { activateGroup } from './node-progress.models.js';
import type { TaskContext, TransitionResult } from './task.effects.js';
import { taskErrors } from './task.errors.js';
import type { Task, TaskNode } from './task.types.js';
import { Transition } from './transition.models.js';

/** A node of a new task, with its people and deadline already resolved. */
export interface NewNode {
  readonly id: string;
  readonly title: string;
  readonly kind: TaskNode['kind'];
  readonly signMode: TaskNode['signMode'];
  readonly owners: readonly string[];
  readonly departmentId: string | null;
  readonly deadline: DeadlineSpec;
  readonly responseLimit: Duration | null;
  readonly fields: Readonly<Record<string, string>>;
  /** Runs in parallel with the node before it. */
  readonly parallel: boolean;
}

export interface NewTask {
  readonly id: string;
  readonly tenantId: string;
  readonly number: number;
  readonly title: string;
  readonly creatorId: string;
  readonly origin: { readonly platform: Platform; readonly chatId: string };
  readonly priority: Task['priority'];
  readonly eventDate: LocalDate | null;
  readonly templateKey: string | null;
  readonly onReject: Task['onReject'];
  readonly followers: readonly string[];
  readonly nodes: readonly NewNode[];
}

/**
 * Creates a task and starts its first group of nodes (the `create` transition): numbers the
 * nodes `#n.1`, `#n.2`, … and groups each `parallel` node with the one before it.
 * @throws DomainError `task.no_nodes`, `task.node_without_owner`, `deadline.event_in_past` (an
 *   event-relative deadline the event date puts in the past is refused like a past absolute one).
 */
export function createTask(input: NewTask, ctx: TaskContext): TransitionResult {
  if (input.nodes.length === 0) throw taskErrors.noNodes();
  const ownerless = input.nodes.findIndex((n) => n.owners.length === 0);
  if (ownerless >= 0) throw taskErrors.nodeWithoutOwner(`#${input.number}.${ownerless + 1}`);
  assertEventDeadlinesAhead(input, ctx);
  let group = 0;
  const nodes: TaskNode[] = input.nodes.map((n, i) => {
    if (i === 0 || !n.parallel) group += 1;
    return {
      id: n.id,
      seq: i + 1,
      parallelGroup: group,
      title: n.title,
      kind: n.kind,
      signMode: n.signMode,
      owners: [...new Set(n.owners)].map((personId) => ({
        personId,
        decision: null,
        decidedAt: null,
      })),
      departmentId: n.departmentId,
      deadline: n.deadline,
      dueAt: null,
      deadlineVersion: 0,
      status: 'pending',
      escalationLevel: 0,
      responseLimit: n.responseLimit,
      activatedAt: null,
      acknowledgedAt: null,
      pausedAt: null,
      pausedTotalMs: 0,
      completedAt: null,
      reworkCount: 0,
      lastNudgedAt: null,
      fields: n.fields,
    };
  });
  const { nodes: _drafts, ...rest } = input;
  const task: Task = {
    ...rest,
    status: 'open',
    pendingExtension: null,
    lastRejection: null,
    createdAt: ctx.now,
    closedAt: null,
    // The creation's own transition makes it 1.
    version: 0,
    nodes,
  };
  const t = new Transition(task, ctx);
  t.event('task.created', null, {
    title: input.title,
    nodes: nodes.length,
    priority: input.priority,
  });
  activateGroup(t, 1, false);
  return t.result();
}

function assertEventDeadlinesAhead(input: NewTask, ctx: TaskContext): void {
  const { eventDate } = input;
  if (eventDate === null) return;
  const format = { now: ctx.now, calendar: ctx.calendar };
  const passed = input.nodes.flatMap(({ title, deadline }) => {
    if (deadline.kind !== 'event-relative') return [];
    const at = resolveDeadline(deadline, {
      activatedAt: ctx.now,
      eventDate,
      calendar: ctx.calendar,
    });
    if (at.getTime() > ctx.now.getTime()) return [];
    return [{ node: title, text: deadline.text, understood: formatDeadline(at, format) }];
  });
  if (passed.length === 0) return;
  const eventDay = formatDeadlineDay(ctx.calendar.endOfWorkday(eventDate), format);
  throw eventDeadlinesInPastError(eventDay, passed);
}
