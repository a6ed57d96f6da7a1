import type { KpiSource } from '../../../ports/kpi-source.port.js';
import type { Db } from '../client.js';
import { attentionItems } from './kpi-attention.js';
import { finishedNodeFacts } from './kpi-node-facts.js';
import { escalationFacts, openLateFacts } from './kpi-signal-facts.js';
import { closedTaskFacts, ratingFacts } from './kpi-task-facts.js';

/** KPI facts straight from Postgres: node rows and the event log, never counters. */
export function createKpiSource(db: Db): KpiSource {
  return {
    async facts(tenantId, period, now) {
      const [finishedNodes, closedTasks, escalations, openLate, ratings] = await Promise.all([
        finishedNodeFacts(db, tenantId, period),
        closedTaskFacts(db, tenantId, period),
        escalationFacts(db, tenantId, period),
        openLateFacts(db, tenantId, now),
        ratingFacts(db, tenantId, period),
      ]);
      return { finishedNodes, closedTasks, escalations, openLate, ratings };
    },
    attention: (tenantId, period, now) => attentionItems(db, tenantId, period, now),
  };
}
