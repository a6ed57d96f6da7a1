// The KPI section: a chosen period's overall numbers from /api/kpis (docs/KPIS.md), the same
// figures per department, person or template, and their CSV.
import { $, el, showError } from './console-dom.js';

const percent = (rate) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;

function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} 秒`;
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时 ${minutes % 60} 分`;
  return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
}

function kpiEntries(row) {
  return [
    ['节点按时完成率', percent(row.onTimeRate), `${row.nodesFinished} 个节点完成`],
    ['首次响应及时率', percent(row.responseOnTimeRate), `${row.responsesMeasured} 次响应`],
    ['平均处理时长', duration(row.resolveWall?.meanMs), '从开始到完成'],
    ['任务按计划完成率', percent(row.onPlanRate), `${row.tasksClosed} 项任务结束`],
    ['返工率', percent(row.reworkRate), `${row.nodesReworked} 个节点返工 ${row.reworks} 次`],
    ['超时升级', `${escalationCount(row)} 次`, '含手动升级'],
    ['当前超时节点', `${row.openLate} 个`, '此刻'],
    ['满意度', score(row), `${row.ratingCount} 次评分`],
  ];
}

/** Adds days to an org-local date (`YYYY-MM-DD`); the date has no zone, so UTC arithmetic is exact. */
function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The period each choice means, from this week's `[from, to)` as the server reckons it. */
const RANGES = {
  week: (week) => ({ label: '本周', ...week }),
  'last-week': (week) => ({ label: '上周', from: addDays(week.from, -7), to: week.from }),
  '4-weeks': (week) => ({ label: '近 4 周', from: addDays(week.from, -21), to: week.to }),
  '13-weeks': (week) => ({ label: '近 13 周', from: addDays(week.from, -84), to: week.to }),
};

async function fetchKpis(params) {
  const res = await fetch(`/api/kpis?${new URLSearchParams(params)}`, {
    headers: { accept: 'application/json' },
  });
  // Deployments without the KPI endpoint simply show no KPI section.
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`关键指标：${res.statusText}`);
  return res.json();
}

const escalationCount = (row) => Object.values(row.escalations ?? {}).reduce((a, b) => a + b, 0);
const score = (row) => (row.ratingMean === null ? '—' : `${row.ratingMean.toFixed(1)} 分`);

/** One table line per group: the figures a department head compares across departments. */
function groupCells(row) {
  return [
    row.label ?? row.key,
    String(row.nodesFinished),
    percent(row.onTimeRate),
    percent(row.responseOnTimeRate),
    duration(row.resolveWall?.meanMs),
    percent(row.reworkRate),
    String(escalationCount(row)),
    String(row.openLate),
    score(row),
  ];
}

const GROUP_NAMES = { department: '部门', person: '人员', template: '流程模板' };

function renderGroups(report, label) {
  const name = GROUP_NAMES[report.by] ?? '分组';
  $('kpi-group-heading').textContent = name;
  $('kpi-groups-title').textContent = `${label}各${name}指标`;
  const lines = report.rows.map((row) =>
    el(
      'tr',
      {},
      ...groupCells(row).map((cell, i) =>
        el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, cell),
      ),
    ),
  );
  const empty = el('tr', {}, el('td', { colspan: '9' }, '这段时间没有数据'));
  $('kpi-groups')
    .querySelector('tbody')
    .replaceChildren(...(lines.length > 0 ? lines : [empty]));
}

function render(report, label) {
  const row = report.rows.find((r) => r.key === 'all') ?? report.rows[0];
  $('kpis-period').textContent = `${label}（${report.from} 至 ${addDays(report.to, -1)}）`;
  $('kpi-list').replaceChildren(
    ...(row ? kpiEntries(row) : []).map(([label, value, note]) =>
      el(
        'div',
        { class: 'kpi' },
        el('dt', {}, label),
        el('dd', {}, value),
        el('dd', { class: 'note' }, note),
      ),
    ),
  );
}

export async function showKpis() {
  const thisWeek = await fetchKpis({});
  if (!thisWeek) return;
  const week = { from: thisWeek.from, to: thisWeek.to };
  const period = () => RANGES[$('kpi-range').value](week);
  const refresh = async () => {
    const { label, from, to } = period();
    const by = $('kpi-by').value;
    $('kpi-csv').href = `/api/kpis?${new URLSearchParams({ from, to, by, format: 'csv' })}`;
    const [overall, groups] = await Promise.all([
      fetchKpis({ from, to }),
      fetchKpis({ from, to, by }),
    ]);
    if (overall) render(overall, label);
    if (groups) renderGroups(groups, label);
  };
  const update = () => refresh().catch(showError);
  $('kpi-range').addEventListener('change', update);
  $('kpi-by').addEventListener('change', update);
  await refresh();
  $('kpis').hidden = false;
}
