import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AttentionItem } from '../../../ports/kpi-source.port.js';
import { type Db, queryRows } from '../client.js';
import { ids, type KpiPeriod, optionalInstant } from './kpi-rows.schema.js';

const attentionRow = z.object({
  task_number: z.coerce.number(),
  task_title: z.string(),
  node_seq: z.coerce.number(),
  node_title: z.string(),
  owners: ids,
  due_at: optionalInstant,
  late_now: z.boolean(),
  escalated_to: z.coerce.number(),
});

/** Nodes late now, and nodes escalated in the period, most escalated first. */
export async function attentionItems(
  db: Db,
  tenantId: string,
  period: KpiPeriod,
  now: Date,
  limit = 20,
): Promise<AttentionItem[]> {
  const rows = z.array(attentionRow).parse(
    await queryRows(
      db,
      sql`select * from (
            select t.number as task_number, t.title as task_title, n.seq as node_seq,
              n.title as node_title,
              array(select o.person_id from node_owners o where o.node_id = n.id order by o.position) as owners,
              n.due_at,
              (t.status = 'open' and n.status = 'active' and n.due_at < ${now}) as late_now,
              coalesce((select max((e.data->>'level')::int) from events e
                where e.node_id = n.id and e.type = 'node.escalated'
                  and e.created_at >= ${period.from} and e.created_at < ${period.to}), 0) as escalated_to
            from nodes n join tasks t on t.id = n.task_id
            where t.tenant_id = ${tenantId}
          ) x
          where late_now or escalated_to > 0
          order by escalated_to desc, due_at nulls last, task_number, node_seq
          limit ${limit}`,
    ),
  );
  return rows.map((r) => ({
    taskNumber: r.task_number,
    taskTitle: r.task_title,
    nodeSeq: r.node_seq,
    nodeTitle: r.node_title,
    ownerIds: r.owners,
    dueAt: r.due_at,
    lateNow: r.late_now,
    escalatedTo: r.escalated_to,
  }));
}
