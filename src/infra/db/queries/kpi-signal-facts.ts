import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { EscalationFact, KpiGroups, ReworkFact } from '../../../domain/kpi/kpi.types.js';
import { type Db, queryRows } from '../client.js';
import { groupsOf, type KpiPeriod, nodeGroupColumns } from './kpi-rows.schema.js';

const NODE_OWNERS = sql`array(select o.person_id from node_owners o where o.node_id = n.id order by o.position)`;

const escalationRow = z.object({
  level: z.string().nullable(),
  ...nodeGroupColumns,
});

/** Escalation steps the ladder fired in the period (`node.escalated`), and manual /升级. */
export async function escalationFacts(
  db: Db,
  tenantId: string,
  period: KpiPeriod,
): Promise<EscalationFact[]> {
  const rows = z.array(escalationRow).parse(
    await queryRows(
      db,
      sql`select case when e.type = 'node.escalated' then e.data->>'level' end as level,
            n.department_id, t.template_key, ${NODE_OWNERS} as owners
          from events e join tasks t on t.id = e.task_id
            left join nodes n on n.id = e.node_id
          where t.tenant_id = ${tenantId} and e.type in ('node.escalated', 'task.escalated')
            and e.created_at >= ${period.from} and e.created_at < ${period.to}`,
    ),
  );
  return rows.map((r) => ({
    level: r.level === null ? 'manual' : Number(r.level),
    ...groupsOf(r),
  }));
}

const reworkRow = z.object({
  node_id: z.string(),
  ...nodeGroupColumns,
});

/** Every send-back in the period (`node.reworked`: a rejection or /退回 reopened the node). */
export async function reworkFacts(
  db: Db,
  tenantId: string,
  period: KpiPeriod,
): Promise<ReworkFact[]> {
  const rows = z.array(reworkRow).parse(
    await queryRows(
      db,
      sql`select n.id as node_id, n.department_id, t.template_key, ${NODE_OWNERS} as owners
          from events e join tasks t on t.id = e.task_id join nodes n on n.id = e.node_id
          where t.tenant_id = ${tenantId} and e.type = 'node.reworked'
            and e.created_at >= ${period.from} and e.created_at < ${period.to}`,
    ),
  );
  return rows.map((r) => ({
    nodeId: r.node_id,
    ...groupsOf(r),
  }));
}

const openLateRow = z.object({
  ...nodeGroupColumns,
});

/** Active nodes past their deadline at `now` (paused nodes wait on someone else: left out). */
export async function openLateFacts(db: Db, tenantId: string, now: Date): Promise<KpiGroups[]> {
  const rows = z.array(openLateRow).parse(
    await queryRows(
      db,
      sql`select n.department_id, t.template_key, ${NODE_OWNERS} as owners
          from nodes n join tasks t on t.id = n.task_id
          where t.tenant_id = ${tenantId} and t.status = 'open'
            and n.status = 'active' and n.due_at < ${now}`,
    ),
  );
  return rows.map(groupsOf);
}
