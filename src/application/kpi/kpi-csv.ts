import type { KpiRow } from '../../domain/kpi/kpi.types.js';
import type { KpiReport } from './compute-kpis.usecase.js';

const HOUR_MS = 3_600_000;

/** Columns of the CSV export, in order; hours with two decimals, rates as 0–1. */
const COLUMNS: readonly [string, (row: KpiRow) => number | string | null][] = [
  ['key', (r) => r.key],
  ['nodes_finished', (r) => r.nodesFinished],
  ['nodes_on_time', (r) => r.nodesOnTime],
  ['on_time_rate', (r) => r.onTimeRate],
  ['responses_measured', (r) => r.responsesMeasured],
  ['responses_on_time', (r) => r.responsesOnTime],
  ['response_on_time_rate', (r) => r.responseOnTimeRate],
  ['resolve_mean_hours', (r) => hours(r.resolveWall.meanMs)],
  ['resolve_p90_hours', (r) => hours(r.resolveWall.p90Ms)],
  ['resolve_mean_working_hours', (r) => hours(r.resolveWorking.meanMs)],
  ['resolve_p90_working_hours', (r) => hours(r.resolveWorking.p90Ms)],
  ['tasks_closed', (r) => r.tasksClosed],
  ['tasks_on_plan', (r) => r.tasksOnPlan],
  ['on_plan_rate', (r) => r.onPlanRate],
  ['nodes_reworked', (r) => r.nodesReworked],
  ['rework_rate', (r) => r.reworkRate],
  [
    'escalations',
    (r) =>
      Object.entries(r.escalations)
        .map(([level, n]) => `${level}:${n}`)
        .join(' '),
  ],
  ['open_late', (r) => r.openLate],
  ['rating_count', (r) => r.ratingCount],
  ['rating_mean', (r) => r.ratingMean],
];

function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 100) / 100;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula starts defused. */
function field(value: number | string | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The report as CSV, one line per row, with a header. */
export function kpisToCsv(report: KpiReport): string {
  const lines = [
    COLUMNS.map(([name]) => name).join(','),
    ...report.rows.map((row) => COLUMNS.map(([, get]) => field(get(row))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
