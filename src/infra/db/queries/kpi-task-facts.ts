import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ClosedTaskFact, RatingFact } from '../../../domain/kpi/kpi.types.js';
import { type Db, queryRows } from '../client.js';
import { ids, type KpiPeriod } from './kpi-rows.schema.js';

/** A task's departments and owners: every node's, so a task counts for everyone who worked on it. */
const TASK_GROUPS = sql`
  array(select distinct n.department_id from nodes n
        where n.task_id = t.id and n.department_id is not null) as departments,
  array(select distinct o.person_id from node_owners o join nodes n on n.id = o.node_id
        where n.task_id = t.id) as owners`;

const closedRow = z.object({
  task_id: z.string(),
  template_key: z.string().nullable(),
  status: z.enum(['done', 'rejected']),
  departments: ids,
  owners: ids,
  all_on_time: z.boolean(),
});

/** Tasks that closed (done or rejected) in the period; cancelled tasks are left out. */
export async function closedTaskFacts(
  db: Db,
  tenantId: string,
  period: KpiPeriod,
): Promise<ClosedTaskFact[]> {
  const rows = z.array(closedRow).parse(
    await queryRows(
      db,
      sql`select t.id as task_id, t.template_key, t.status, ${TASK_GROUPS},
            not exists(select 1 from nodes n where n.task_id = t.id
              and n.status in ('done', 'approved') and n.due_at is not null
              and n.completed_at > n.due_at) as all_on_time
          from tasks t
          where t.tenant_id = ${tenantId} and t.status in ('done', 'rejected')
            and t.closed_at >= ${period.from} and t.closed_at < ${period.to}`,
    ),
  );
  return rows.map((r) => ({
    taskId: r.task_id,
    templateKey: r.template_key,
    departmentIds: r.departments,
    personIds: r.owners,
    done: r.status === 'done',
    allNodesOnTime: r.all_on_time,
  }));
}

const ratingRow = z.object({
  template_key: z.string().nullable(),
  score: z.coerce.number(),
  departments: ids,
  owners: ids,
});

/** Ratings of tasks that closed in the period. */
export async function ratingFacts(
  db: Db,
  tenantId: string,
  period: KpiPeriod,
): Promise<RatingFact[]> {
  const rows = z.array(ratingRow).parse(
    await queryRows(
      db,
      sql`select t.template_key, r.score, ${TASK_GROUPS}
          from ratings r join tasks t on t.id = r.task_id
          where t.tenant_id = ${tenantId}
            and t.closed_at >= ${period.from} and t.closed_at < ${period.to}`,
    ),
  );
  return rows.map((r) => ({
    templateKey: r.template_key,
    departmentIds: r.departments,
    personIds: r.owners,
    score: r.score,
  }));
}
