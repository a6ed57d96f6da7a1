// The KPI section: this week's overall numbers from /api/kpis (docs/KPIS.md).
import { $, el } from './console-dom.js';

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

export async function showKpis() {
  const res = await fetch('/api/kpis', { headers: { accept: 'application/json' } });
  // Deployments without the KPI endpoint simply show no KPI section.
  if (res.status === 404) return;
  if (!res.ok) throw new Error(`关键指标：${res.statusText}`);
  const report = await res.json();
  const row = report.rows.find((r) => r.key === 'all') ?? report.rows[0];
  if (!row) return;
  $('kpis-period').textContent = `本周（${report.from} 起）`;
  $('kpi-list').replaceChildren(
    ...kpiEntries(row).map(([label, value, note]) =>
      el(
        'div',
        { class: 'kpi' },
        el('dt', {}, label),
        el('dd', {}, value),
        el('dd', { class: 'note' }, note),
      ),
    ),
  );
  $('kpis').hidden = false;
}
