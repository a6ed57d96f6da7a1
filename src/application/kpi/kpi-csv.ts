import type { KpiRow } from '../../domain/kpi/kpi.types.js';
import type { KpiReport } from './compute-kpis.usecase.js';
import { groupHeading, type KpiLabeller } from './kpi-labels.js';

const HOUR_MS = 3_600_000;

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

type Cell = number | string | null;

/** Columns after the group's id and name, in order; hours with two decimals, rates as percent. */
const COLUMNS: readonly [string, (row: KpiRow) => Cell][] = [
  ['完成节点数', (r) => r.nodesFinished],
  ['按时完成节点数', (r) => r.nodesOnTime],
  ['节点按时完成率', (r) => percent(r.onTimeRate)],
  ['计时响应节点数', (r) => r.responsesMeasured],
  ['及时响应节点数', (r) => r.responsesOnTime],
  ['首次响应及时率', (r) => percent(r.responseOnTimeRate)],
  ['平均处理时长（小时）', (r) => hours(r.resolveWall.meanMs)],
  ['处理时长P90（小时）', (r) => hours(r.resolveWall.p90Ms)],
  ['平均处理工时（工作小时）', (r) => hours(r.resolveWorking.meanMs)],
  ['处理工时P90（工作小时）', (r) => hours(r.resolveWorking.p90Ms)],
  ['结束任务数', (r) => r.tasksClosed],
  ['按计划完成任务数', (r) => r.tasksOnPlan],
  ['任务按计划完成率', (r) => percent(r.onPlanRate)],
  ['返工节点数', (r) => r.nodesReworked],
  ['返工次数', (r) => r.reworks],
  ['返工率', (r) => percent(r.reworkRate)],
  ['超时升级', (r) => escalationsText(r.escalations)],
  ['当前超时节点数', (r) => r.openLate],
  ['评分次数', (r) => r.ratingCount],
  ['平均评分', (r) => r.ratingMean],
];

function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 100) / 100;
}

function percent(rate: number | null): string | null {
  return rate === null ? null : `${Math.round(rate * 1000) / 10}%`;
}

function escalationsText(escalations: Readonly<Record<string, number>>): string {
  return Object.entries(escalations)
    .map(([level, n]) => `${level === 'manual' ? '手动' : `${level}级`}:${n}`)
    .join(' ');
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula starts defused. */
function field(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as CSV for a spreadsheet: Chinese headings, each group by id and by name, one line
 * per row, UTF-8 with a byte order mark.
 */
export function kpisToCsv(report: KpiReport, labelOf: KpiLabeller): string {
  const heading = groupHeading(report.by);
  const lines = [
    [`${heading}编号`, heading, ...COLUMNS.map(([name]) => name)].map(field).join(','),
    ...report.rows.map((row) =>
      [row.key, labelOf(row.key), ...COLUMNS.map(([, get]) => get(row))].map(field).join(','),
    ),
  ];
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}
