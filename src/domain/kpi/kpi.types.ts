import type { Duration } from '../shared/duration.types.js';

/** How KPI rows are grouped: one row per department, per node owner, or per SOP template. */
export type KpiDimension = 'department' | 'person' | 'template';

/** The key of facts that have no department or template. */
export const NO_GROUP = '-';

/** Who a fact belongs to, in every dimension. */
export interface KpiGroups {
  readonly departmentIds: readonly string[];
  readonly personIds: readonly string[];
  readonly templateKey: string | null;
}

/** A node that finished (done or approved) inside the period, with what the KPIs need. */
export interface FinishedNodeFact extends KpiGroups {
  readonly nodeId: string;
  readonly dueAt: Date | null;
  /** The node's first activation (the event log), before any rework. */
  readonly firstActivatedAt: Date;
  /** The latest activation, which the first response is measured from. */
  readonly activatedAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly completedAt: Date;
  readonly responseLimit: Duration | null;
  readonly pausedTotalMs: number;
  /** Paused intervals from the event log (a pause still open at completion ends there). */
  readonly pauses: readonly { readonly from: Date; readonly to: Date }[];
}

/** A node sent back for rework inside the period (one `node.reworked` event each time). */
export interface ReworkFact extends KpiGroups {
  readonly nodeId: string;
}

/** A task that closed inside the period (done or rejected; cancelled ones are left out). */
export interface ClosedTaskFact extends KpiGroups {
  readonly taskId: string;
  readonly done: boolean;
  /** Every node it finished was finished by its deadline. */
  readonly allNodesOnTime: boolean;
}

/** One escalation step that fired inside the period; `manual` for /升级. */
export interface EscalationFact extends KpiGroups {
  readonly level: number | 'manual';
}

/** A requester's rating of a task that closed inside the period. */
export interface RatingFact extends KpiGroups {
  readonly score: number;
}

/** Everything one KPI computation reads, already limited to the period (and `now` for open nodes). */
export interface KpiFacts {
  readonly finishedNodes: readonly FinishedNodeFact[];
  readonly closedTasks: readonly ClosedTaskFact[];
  readonly escalations: readonly EscalationFact[];
  readonly reworks: readonly ReworkFact[];
  /** Active nodes past their deadline at the moment of the computation. */
  readonly openLate: readonly KpiGroups[];
  readonly ratings: readonly RatingFact[];
}

/** Mean and 90th percentile of a set of durations, in milliseconds; null when empty. */
export interface DurationStats {
  readonly count: number;
  readonly meanMs: number | null;
  readonly p90Ms: number | null;
}

/** The KPIs of one group (or of everything: `key` is `all`). Rates are 0–1, null when undefined. */
export interface KpiRow {
  readonly key: string;
  readonly nodesFinished: number;
  readonly nodesOnTime: number;
  readonly onTimeRate: number | null;
  readonly responsesMeasured: number;
  readonly responsesOnTime: number;
  readonly responseOnTimeRate: number | null;
  readonly resolveWall: DurationStats;
  readonly resolveWorking: DurationStats;
  readonly tasksClosed: number;
  readonly tasksOnPlan: number;
  readonly onPlanRate: number | null;
  /** Distinct nodes sent back in the period, whether or not they were done again yet. */
  readonly nodesReworked: number;
  /** Send-backs in the period (a node sent back twice counts twice). */
  readonly reworks: number;
  /** Nodes sent back / nodes worked on (finished or sent back) in the period. */
  readonly reworkRate: number | null;
  /** Escalation steps fired, by level (`1`, `2`, …, `manual`). */
  readonly escalations: Readonly<Record<string, number>>;
  readonly openLate: number;
  readonly ratingCount: number;
  readonly ratingMean: number | null;
}
