import type { BusinessCalendar, LocalDate } from '../../../domain/calendar/calendar.types.js';
import { addDays } from '../../../domain/calendar/local-date.models.js';
import type { Task, TaskNode } from '../../../domain/task/task.types.js';
import { nodeRef } from '../../../domain/task/task-status.models.js';

const OPEN_NODE = new Set<TaskNode['status']>(['active', 'paused']);
const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** Labels that fit side by side on a phone's width. */
const MAX_TICKS = 7;
/**
 * Tick spacings, in minutes: days on a span of a day or more, else minutes and hours; the first
 * giving no more than MAX_TICKS ticks is used.
 */
const DAY_STEPS = [1440, 2880, 10080, 20160, 40320, 120960];
const CLOCK_STEPS = [1, 5, 10, 30, 60, 180, 360, 720];
/** A task open for years still draws a bounded number of day bands. */
const MAX_DAYS = 1000;
/** Up to this many days, each has a line; past it only the labelled ones. */
const MAX_DAY_LINES = 90;
/** The right-hand margin, as a share of the span, so the last bar's end is not on the edge. */
const PAD = 0.03;

/**
 * One Gantt bar per node that started: from activation to completion (or now while it runs),
 * against its deadline. Nodes not reached yet have no bar, only their deadline text.
 */
export function timelineOf(task: Task, now: Date) {
  return task.nodes.map((node) => {
    const end = node.completedAt ?? (OPEN_NODE.has(node.status) ? now : (task.closedAt ?? null));
    const finished = end ?? now;
    return {
      nodeId: node.id,
      ref: nodeRef(task, node),
      title: node.title,
      status: node.status,
      start: node.activatedAt,
      end,
      running: OPEN_NODE.has(node.status),
      dueAt: node.dueAt,
      late: node.dueAt !== null && node.activatedAt !== null && finished > node.dueAt,
    };
  });
}

type TimelineRow = ReturnType<typeof timelineOf>[number];

/** A local day as a stretch of time, clipped to the axis. */
interface DayBand {
  readonly date: LocalDate;
  readonly from: Date;
  readonly to: Date;
}

/** The Gantt's time axis, in the org's own calendar, for the page to draw as it is. */
export interface TimelineAxis {
  readonly from: Date;
  readonly to: Date;
  /**
   * Local midnights (or whole hours and minutes on a short span), labelled `12/07` or `14:00`;
   * on a span of weeks every day has a line and only some a label (null).
   */
  readonly ticks: readonly { readonly at: Date; readonly label: string | null }[];
  /** Days off in the org's calendar (weekends, holidays), to shade. */
  readonly offDays: readonly DayBand[];
  /** Now, when it falls on the axis. */
  readonly now: Date | null;
  /** The task's 活动日期, when it has one: the whole local day. */
  readonly eventDay: (DayBand & { readonly label: string }) | null;
}

/**
 * The axis of a task's timeline: from when the task was created (nothing happened before) to
 * the last start, end, deadline still ahead of a running node, the event day and, while work is
 * under way, now. A finished node's far-off deadline would squeeze the work into a sliver, so
 * the page marks it at the edge instead.
 */
export function timelineAxisOf(
  task: Task,
  rows: readonly TimelineRow[],
  calendar: BusinessCalendar,
  now: Date,
): TimelineAxis {
  const live = rows.some((r) => r.running) || rows.every((r) => !r.start);
  const from = task.createdAt.getTime();
  const eventStart = task.eventDate ? calendar.atLocalTime(task.eventDate, 0) : null;
  const eventEnd = task.eventDate ? calendar.atLocalTime(addDays(task.eventDate, 1), 0) : null;
  const times = [from + MINUTE, live ? now.getTime() : from, eventEnd?.getTime() ?? from];
  for (const r of rows)
    for (const t of [r.start, r.end, r.running ? r.dueAt : null]) if (t) times.push(t.getTime());
  const last = Math.max(...times);
  const axis = { from: new Date(from), to: new Date(last + (last - from) * PAD) };
  const inSpan = (t: Date) => t >= axis.from && t <= axis.to;
  return {
    ...axis,
    ticks: ticksOf(axis, calendar),
    offDays: daysOf(axis, calendar).filter((d) => !calendar.isWorkday(d.date)),
    now: inSpan(now) ? now : null,
    eventDay:
      task.eventDate && eventStart && eventEnd
        ? {
            date: task.eventDate,
            from: eventStart,
            to: eventEnd,
            label: `活动日 ${monthDay(task.eventDate)}`,
          }
        : null,
  };
}

/** Each local day the axis touches, clipped to it. */
function daysOf(axis: { from: Date; to: Date }, calendar: BusinessCalendar): DayBand[] {
  const days: DayBand[] = [];
  let date = calendar.localDate(axis.from);
  for (let i = 0; i < MAX_DAYS; i++) {
    const start = calendar.atLocalTime(date, 0);
    if (start >= axis.to) break;
    const next = addDays(date, 1);
    const end = calendar.atLocalTime(next, 0);
    days.push({
      date,
      from: new Date(Math.max(start.getTime(), axis.from.getTime())),
      to: new Date(Math.min(end.getTime(), axis.to.getTime())),
    });
    date = next;
  }
  return days;
}

const monthDay = (date: LocalDate) => `${date.slice(5, 7)}/${date.slice(8, 10)}`;
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Ticks at round local times, as few labels as keep them apart: midnights, labelled by the day
 * (`12/07`) every day or every few days, on a span of days; whole hours or minutes (`14:00`, the day added where it changes)
 * on a shorter one. Never seconds.
 */
function ticksOf(axis: { from: Date; to: Date }, calendar: BusinessCalendar) {
  const spanMinutes = (axis.to.getTime() - axis.from.getTime()) / MINUTE;
  const steps = spanMinutes >= DAY_MINUTES ? DAY_STEPS : CLOCK_STEPS;
  const step = steps.find((s) => spanMinutes / s <= MAX_TICKS) ?? (steps.at(-1) as number);
  const days = daysOf(axis, calendar);
  const ticks: { at: Date; label: string | null }[] = [];
  if (step >= DAY_MINUTES) {
    const everyDays = step / DAY_MINUTES;
    const lineEveryDay = days.length <= MAX_DAY_LINES;
    days.forEach((day, i) => {
      const midnight = calendar.atLocalTime(day.date, 0);
      const labelled = i % everyDays === 0;
      if (midnight >= axis.from && (labelled || lineEveryDay))
        ticks.push({ at: midnight, label: labelled ? monthDay(day.date) : null });
    });
    return ticks;
  }
  let shownDate: LocalDate | null = null;
  for (const day of days) {
    for (let minute = 0; minute < DAY_MINUTES; minute += step) {
      const at = calendar.atLocalTime(day.date, minute);
      if (at < axis.from || at > axis.to) continue;
      const label =
        shownDate === day.date ? clock(minute) : `${monthDay(day.date)} ${clock(minute)}`;
      shownDate = day.date;
      ticks.push({ at, label });
    }
  }
  return ticks;
}
