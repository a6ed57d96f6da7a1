import type { KpiFacts } from '../domain/kpi/kpi.types.js';

/** A node that needs attention in a report: late now, or escalated in the period. */
export interface AttentionItem {
  readonly taskNumber: number;
  readonly taskTitle: string;
  readonly nodeSeq: number;
  readonly nodeTitle: string;
  readonly ownerIds: readonly string[];
  readonly dueAt: Date | null;
  /** Still open and past its deadline now. */
  readonly lateNow: boolean;
  /** Highest escalation level fired in the period (0: none). */
  readonly escalatedTo: number;
}

/** Reads what the KPIs are computed from (the event log and node rows). */
export interface KpiSource {
  /** Facts of `[from, to)`; open-and-late nodes as of `now`. */
  facts(tenantId: string, period: { from: Date; to: Date }, now: Date): Promise<KpiFacts>;
  attention(
    tenantId: string,
    period: { from: Date; to: Date },
    now: Date,
  ): Promise<readonly AttentionItem[]>;
}
