import type { KpiRow } from '../src/domain/kpi/kpi.types.js';
import type { Card, CardField } from './card.types.js';

const HOUR_MS = 3_600_000;

/** What a report card shows; names are already resolved. */
export interface ReportSummary {
  readonly title: string;
  readonly current: KpiRow;
  readonly previous: KpiRow;
  /** Lines naming late and escalated items with their owners. */
  readonly attention: readonly string[];
  /** The department with the best on-time rate among those with enough nodes, when any. */
  readonly best: {
    readonly name: string;
    readonly onTimeRate: number;
    readonly nodes: number;
  } | null;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const hours = (ms: number | null) => (ms === null ? '—' : `${(ms / HOUR_MS).toFixed(1)} 工作小时`);
const score = (mean: number | null, count: number) =>
  mean === null ? '暂无评分' : `${mean.toFixed(1)} 分（${count} 份）`;
const escalations = (row: KpiRow) => Object.values(row.escalations).reduce((a, b) => a + b, 0);

/** The weekly (or on-demand) coordination report: this period against the one before. */
export function reportCard(summary: ReportSummary): Card {
  const { current: c, previous: p } = summary;
  const field = (label: string, now: string, before: string): CardField => ({
    label,
    value: `${now}（上期 ${before}）`,
  });
  const bestLine = summary.best
    ? `🤝 最佳协作：${summary.best.name}（按时完成率 ${percent(summary.best.onTimeRate)}，${summary.best.nodes} 个节点）`
    : '🤝 最佳协作：本期完成的节点还不够多，暂不评选。';
  const attention = summary.attention.length
    ? ['⚠️ 需要关注：', ...summary.attention]
    : ['✅ 没有超时或升级的事项。'];
  return {
    key: `report-${summary.title}`,
    tone: c.openLate > 0 ? 'warning' : 'info',
    title: summary.title,
    subtitle: null,
    fields: [
      field('完成节点', String(c.nodesFinished), String(p.nodesFinished)),
      field('按时完成率', percent(c.onTimeRate), percent(p.onTimeRate)),
      field('及时响应率', percent(c.responseOnTimeRate), percent(p.responseOnTimeRate)),
      field('平均处理时长', hours(c.resolveWorking.meanMs), hours(p.resolveWorking.meanMs)),
      field('按计划完成任务', percent(c.onPlanRate), percent(p.onPlanRate)),
      field('返工率', percent(c.reworkRate), percent(p.reworkRate)),
      field('超时升级', `${escalations(c)} 次`, `${escalations(p)} 次`),
      field('满意度', score(c.ratingMean, c.ratingCount), score(p.ratingMean, p.ratingCount)),
      { label: '当前超时未完成', value: `${c.openLate} 个节点` },
    ],
    steps: [],
    note: [...attention, bestLine].join('\n'),
    actions: [],
    link: null,
    mentions: [],
  };
}
