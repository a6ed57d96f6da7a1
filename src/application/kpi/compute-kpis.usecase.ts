import type { BusinessCalendar } from '../../domain/calendar/calendar.types.js';
import { aggregateKpis } from '../../domain/kpi/kpi.aggregate.js';
import type { KpiDimension, KpiRow } from '../../domain/kpi/kpi.types.js';
import type { KpiSource } from '../../ports/kpi-source.port.js';

export interface KpiQuery {
  readonly tenantId: string;
  readonly calendar: BusinessCalendar;
  /** `[from, to)`. */
  readonly from: Date;
  readonly to: Date;
  /** Null: one row for everything. */
  readonly by: KpiDimension | null;
  /** For "open and late now". */
  readonly now: Date;
}

export interface KpiReport {
  readonly from: Date;
  readonly to: Date;
  readonly by: KpiDimension | null;
  readonly rows: readonly KpiRow[];
}

/** The KPIs of a period (definitions in docs/KPIS.md), from the event log and node rows. */
export async function computeKpis(source: KpiSource, query: KpiQuery): Promise<KpiReport> {
  const facts = await source.facts(query.tenantId, query, query.now);
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    rows: aggregateKpis(facts, query.by, query.calendar),
  };
}
