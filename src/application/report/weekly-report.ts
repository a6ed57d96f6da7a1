import type { Card } from '../../../cards/card.types.js';
import { reportCard } from '../../../cards/report-card.builder.js';
import type { BusinessCalendar } from '../../domain/calendar/calendar.types.js';
import { addDays } from '../../domain/calendar/local-date.models.js';
import { aggregateKpis } from '../../domain/kpi/kpi.aggregate.js';
import type { KpiRow } from '../../domain/kpi/kpi.types.js';
import type { Org } from '../../domain/org/org.types.js';
import { type DateSpan, spanBefore, spanInstants } from '../../domain/report/report-period.js';
import type { AttentionItem, KpiSource } from '../../ports/kpi-source.port.js';

/** A department needs this many finished nodes in the period to be named best collaborator. */
export const BEST_COLLABORATION_MIN_NODES = 3;

export interface ReportInput {
  readonly tenantId: string;
  readonly org: Org;
  readonly calendar: BusinessCalendar;
  readonly span: DateSpan;
  readonly now: Date;
}

/** The report card of a period of whole days, compared with the period of equal length before. */
export async function buildReport(kpis: KpiSource, input: ReportInput): Promise<Card> {
  const { tenantId, calendar, now } = input;
  const period = spanInstants(input.span, calendar);
  // Sequential: the source may read through one transaction's single connection.
  const facts = await kpis.facts(tenantId, period, now);
  const before = await kpis.facts(tenantId, spanInstants(spanBefore(input.span), calendar), now);
  const attention = await kpis.attention(tenantId, period, now);
  const [current] = aggregateKpis(facts, null, calendar);
  const [previous] = aggregateKpis(before, null, calendar);
  if (!current || !previous) throw new Error('aggregateKpis returned no total row');
  const nameOf = (id: string) => input.org.people.find((p) => p.id === id)?.name ?? id;
  return reportCard({
    title: `📊 协作报告 ${spanTitle(input.span)}`,
    current,
    previous,
    attention: attention.map((item) => attentionLine(item, nameOf)),
    best: bestDepartment(aggregateKpis(facts, 'department', calendar), input.org),
  });
}

function spanTitle(span: DateSpan): string {
  const day = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return `${day(span.from)}—${day(addDays(span.to, -1))}`;
}

function attentionLine(item: AttentionItem, nameOf: (id: string) => string): string {
  const owners = item.ownerIds.map(nameOf).join('、') || '无人负责';
  const states = [
    ...(item.lateNow ? ['已超时'] : []),
    ...(item.escalatedTo > 0 ? [`升级到第${item.escalatedTo}级`] : []),
  ];
  return `#${item.taskNumber}.${item.nodeSeq} ${item.taskTitle} · ${item.nodeTitle} — ${owners}（${states.join('，')}）`;
}

function bestDepartment(rows: readonly KpiRow[], org: Org) {
  const [best] = rows
    .filter((r) => r.onTimeRate !== null && r.nodesFinished >= BEST_COLLABORATION_MIN_NODES)
    .filter((r) => org.departments.some((d) => d.id === r.key))
    .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || b.nodesFinished - a.nodesFinished);
  if (!best || best.onTimeRate === null) return null;
  const name = org.departments.find((d) => d.id === best.key)?.name ?? best.key;
  return { name, onTimeRate: best.onTimeRate, nodes: best.nodesFinished };
}
