import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FinishedNodeFact } from '../../../domain/kpi/kpi.types.js';
import { type Db, queryRows } from '../client.js';
import {
  durationSchema,
  groupsOf,
  instant,
  type KpiPeriod,
  nodeGroupColumns,
  optionalInstant,
} from './kpi-rows.schema.js';

const finishedRow = z.object({
  node_id: z.string(),
  ...nodeGroupColumns,
  due_at: optionalInstant,
  first_activated_at: optionalInstant,
  activated_at: instant,
  acknowledged_at: optionalInstant,
  completed_at: instant,
  response_limit: durationSchema.nullable(),
  paused_total_ms: z.coerce.number(),
});

const pauseRow = z.object({ node_id: z.string(), type: z.string(), at: instant });

/**
 * Nodes finished (done or approved) in the period, with their first activation from the event
 * log and their paused intervals.
 */
export async function finishedNodeFacts(
  db: Db,
  tenantId: string,
  period: KpiPeriod,
): Promise<FinishedNodeFact[]> {
  const rows = z.array(finishedRow).parse(
    await queryRows(
      db,
      sql`select n.id as node_id, n.department_id, t.template_key,
            array(select o.person_id from node_owners o where o.node_id = n.id order by o.position) as owners,
            n.due_at, n.activated_at, n.acknowledged_at, n.completed_at, n.response_limit,
            n.paused_total_ms,
            (select min(e.created_at) from events e
              where e.node_id = n.id and e.type = 'node.activated') as first_activated_at
          from nodes n join tasks t on t.id = n.task_id
          where t.tenant_id = ${tenantId} and n.status in ('done', 'approved')
            and n.completed_at >= ${period.from} and n.completed_at < ${period.to}
          order by n.completed_at`,
    ),
  );
  const pauses = await pausesOf(
    db,
    rows.map((r) => r.node_id),
  );
  return rows.map((r) => ({
    nodeId: r.node_id,
    ...groupsOf(r),
    dueAt: r.due_at,
    firstActivatedAt: r.first_activated_at ?? r.activated_at,
    activatedAt: r.activated_at,
    acknowledgedAt: r.acknowledged_at,
    completedAt: r.completed_at,
    responseLimit: r.response_limit,
    pausedTotalMs: r.paused_total_ms,
    pauses: pairPauses(pauses.get(r.node_id) ?? [], r.completed_at),
  }));
}

async function pausesOf(db: Db, nodeIds: readonly string[]) {
  const byNode = new Map<string, z.infer<typeof pauseRow>[]>();
  if (nodeIds.length === 0) return byNode;
  const rows = z.array(pauseRow).parse(
    await queryRows(
      db,
      sql`select node_id, type, created_at as at from events
          where node_id in (${sql.join(
            nodeIds.map((id) => sql`${id}`),
            sql`, `,
          )}) and type in ('node.paused', 'node.resumed')
          order by created_at, id`,
    ),
  );
  for (const row of rows) byNode.set(row.node_id, [...(byNode.get(row.node_id) ?? []), row]);
  return byNode;
}

/** Each pause runs to the next resume (or to completion, when the node finished paused). */
function pairPauses(
  events: readonly { type: string; at: Date }[],
  end: Date,
): { from: Date; to: Date }[] {
  const intervals: { from: Date; to: Date }[] = [];
  let open: Date | null = null;
  for (const e of events) {
    if (e.type === 'node.paused' && open === null) open = e.at;
    if (e.type === 'node.resumed' && open !== null) {
      intervals.push({ from: open, to: e.at });
      open = null;
    }
  }
  if (open !== null) intervals.push({ from: open, to: end });
  return intervals;
}
