import type { KpiSource } from '../../../ports/kpi-source.port.js';
import type { Db } from '../client.js';
import { attentionItems } from './kpi-attention.js';
import { finishedNodeFacts } from './kpi-node-facts.js';
import { escalationFacts, openLateFacts, reworkFacts } from './kpi-signal-facts.js';
import { closedTaskFacts, ratingFacts } from './kpi-task-facts.js';

/** KPI facts straight from Postgres: node rows and the event log, never counters. */
export function createKpiSource(db: Db): KpiSource {
  return {
    // One query after another: `db` may be a transaction, whose one connection runs one at a time.
    async facts(tenantId, period, now) {
      const finishedNodes = await finishedNodeFacts(db, tenantId, period);
      const closedTasks = await closedTaskFacts(db, tenantId, period);
      const escalations = await escalationFacts(db, tenantId, period);
      const reworks = await reworkFacts(db, tenantId, period);
      const openLate = await openLateFacts(db, tenantId, now);
      const ratings = await ratingFacts(db, tenantId, period);
      return { finishedNodes, closedTasks, escalations, reworks, openLate, ratings };
    },
    attention: (tenantId, period, now) => attentionItems(db, tenantId, period, now),
  };
}
