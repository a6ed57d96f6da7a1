// The KPI section: a chosen period's overall numbers from /api/kpis (docs/KPIS.md), and its CSV.
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
  const escalations = Object.values(row.escalations ?? {}).reduce((a, b) => a + b, 0);
  return [
    ['节点按时完成率', percent(row.onTimeRate), `${row.nodesFinished} 个节点完成`],
    ['首次响应及时率', percent(row.responseOnTimeRate), `${row.responsesMeasured} 次响应`],
    ['平均处理时长', duration(row.resolveWall?.meanMs), '从开始到完成'],
    ['任务按计划完成率', percent(row.onPlanRate), `${row.tasksClosed} 项任务结束`],
    ['返工率', percent(row.reworkRate), `${row.nodesReworked} 个节点返工`],
    ['超时升级', `${escalations} 次`, '含手动升级'],
    ['当前超时节点', `${row.openLate} 个`, '此刻'],
    [
      '满意度',
      row.ratingMean === null ? '—' : `${row.ratingMean.toFixed(1)} 分`,
      `${row.ratingCount} 次评分`,
    ],
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
  const linkCsv = () => {
    const { from, to } = period();
    $('kpi-csv').href =
      `/api/kpis?${new URLSearchParams({ from, to, by: $('kpi-by').value, format: 'csv' })}`;
  };
  render(thisWeek, '本周');
  linkCsv();
  $('kpi-range').addEventListener('change', () => {
    const { label, from, to } = period();
    linkCsv();
    fetchKpis({ from, to })
      .then((report) => report && render(report, label))
      .catch(showError);
  });
  $('kpi-by').addEventListener('change', linkCsv);
  $('kpis').hidden = false;
}
