import type { BusinessCalendar } from '../calendar/calendar.types.js';
import {
  type FinishedNodeFact,
  type KpiDimension,
  type KpiFacts,
  type KpiGroups,
  type KpiRow,
  NO_GROUP,
} from './kpi.types.js';
import { durationStats, mean, rate } from './kpi-stats.models.js';

/** The group keys a fact counts under; `null` dimension: the single row `all`. */
export function groupKeys(fact: KpiGroups, by: KpiDimension | null): readonly string[] {
  if (by === null) return ['all'];
  if (by === 'template') return [fact.templateKey ?? NO_GROUP];
  const keys = by === 'department' ? fact.departmentIds : fact.personIds;
  return keys.length > 0 ? [...new Set(keys)] : [NO_GROUP];
}

/**
 * Computes the KPIs (formulas in docs/KPIS.md) from facts already limited to the period: one
 * row per group, sorted by key; with `by` null, one row `all`. A fact with several owners or
 * departments counts once under each.
 */
export function aggregateKpis(
  facts: KpiFacts,
  by: KpiDimension | null,
  calendar: BusinessCalendar,
): KpiRow[] {
  const split = <T extends KpiGroups>(list: readonly T[]) => {
    const groups = new Map<string, T[]>();
    for (const fact of list) {
      for (const key of groupKeys(fact, by)) groups.set(key, [...(groups.get(key) ?? []), fact]);
    }
    return groups;
  };
  const nodes = split(facts.finishedNodes);
  const tasks = split(facts.closedTasks);
  const escalations = split(facts.escalations);
  const reworks = split(facts.reworks);
  const openLate = split(facts.openLate);
  const ratings = split(facts.ratings);
  const keys = new Set([
    ...nodes.keys(),
    ...tasks.keys(),
    ...escalations.keys(),
    ...reworks.keys(),
    ...openLate.keys(),
    ...ratings.keys(),
  ]);
  if (by === null) keys.add('all');
  return [...keys].sort().map((key) =>
    kpiRow(key, calendar, {
      finishedNodes: nodes.get(key) ?? [],
      closedTasks: tasks.get(key) ?? [],
      escalations: escalations.get(key) ?? [],
      reworks: reworks.get(key) ?? [],
      openLate: openLate.get(key) ?? [],
      ratings: ratings.get(key) ?? [],
    }),
  );
}

function kpiRow(key: string, calendar: BusinessCalendar, facts: KpiFacts): KpiRow {
  const finished = facts.finishedNodes;
  const withDeadline = finished.filter((n) => n.dueAt !== null);
  const onTime = withDeadline.filter(isOnTime);
  const measured = finished.filter((n) => n.responseLimit !== null);
  const respondedInTime = measured.filter((n) => respondedOnTime(n, calendar));
  const reworked = new Set(facts.reworks.map((r) => r.nodeId));
  const workedOn = new Set([...finished.map((n) => n.nodeId), ...reworked]);
  const onPlan = facts.closedTasks.filter((t) => t.done && t.allNodesOnTime);
  const escalations: Record<string, number> = {};
  for (const e of facts.escalations) {
    const level = String(e.level);
    escalations[level] = (escalations[level] ?? 0) + 1;
  }
  const scores = facts.ratings.map((r) => r.score);
  return {
    key,
    nodesFinished: finished.length,
    nodesOnTime: onTime.length,
    onTimeRate: rate(onTime.length, withDeadline.length),
    responsesMeasured: measured.length,
    responsesOnTime: respondedInTime.length,
    responseOnTimeRate: rate(respondedInTime.length, measured.length),
    resolveWall: durationStats(finished.map(wallResolveMs)),
    resolveWorking: durationStats(finished.map((n) => workingResolveMs(n, calendar))),
    tasksClosed: facts.closedTasks.length,
    tasksOnPlan: onPlan.length,
    onPlanRate: rate(onPlan.length, facts.closedTasks.length),
    nodesReworked: reworked.size,
    reworks: facts.reworks.length,
    reworkRate: rate(reworked.size, workedOn.size),
    escalations,
    openLate: facts.openLate.length,
    ratingCount: scores.length,
    ratingMean: mean(scores),
  };
}

export function isOnTime(node: FinishedNodeFact): boolean {
  return node.dueAt === null || node.completedAt.getTime() <= node.dueAt.getTime();
}

/** The first response (ack or decision) came within the SOP's limit of the latest activation. */
export function respondedOnTime(node: FinishedNodeFact, calendar: BusinessCalendar): boolean {
  if (node.responseLimit === null) return true;
  const limit = calendar.add(node.activatedAt, node.responseLimit);
  const responded = node.acknowledgedAt ?? node.completedAt;
  return responded.getTime() <= limit.getTime();
}

/** First activation to completion, less the time spent paused. */
export function wallResolveMs(node: FinishedNodeFact): number {
  const span = node.completedAt.getTime() - node.firstActivatedAt.getTime();
  return Math.max(0, span - node.pausedTotalMs);
}

/** The same span counted in business hours of the org's calendar, less paused business time. */
export function workingResolveMs(node: FinishedNodeFact, calendar: BusinessCalendar): number {
  const span = calendar.workingMsBetween(node.firstActivatedAt, node.completedAt);
  const paused = node.pauses.reduce((sum, p) => sum + calendar.workingMsBetween(p.from, p.to), 0);
  return Math.max(0, span - paused);
}
