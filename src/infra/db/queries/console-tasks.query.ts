import { and, desc, eq, exists, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Task, TaskStatus } from '../../../domain/task/task.types.js';
import type { Db } from '../client.js';
import { hydrateTasks } from '../repositories/task-repository.drizzle.js';
import { events, nodeOwners, nodes, people, tasks } from '../schema/index.js';

/** What the console's task list can be narrowed to; every field is optional but status. */
export interface ConsoleTaskFilter {
  readonly status: TaskStatus | 'all';
  /** Tasks with a node of this department, or owned by one of its people. */
  readonly department?: string;
  /** Tasks where this person owns a node. */
  readonly person?: string;
  /** Tasks with an active node past its deadline. */
  readonly late?: boolean;
  /** Tasks escalated by the ladder (a node reached a level) or by hand (`/升级`). */
  readonly escalated?: boolean;
  readonly template?: string;
}

/** The list is for reading on a screen; older tasks are reached by narrowing the filter. */
export const CONSOLE_TASK_LIMIT = 200;
/** Who holds what needs every open task; this bounds a runaway backlog (and the ids hydration binds). */
export const OPEN_TASKS_LIMIT = 1000;

/** Tasks of a tenant matching the filter, newest first, with nodes and owners. */
export async function findConsoleTasks(
  db: Db,
  tenantId: string,
  filter: ConsoleTaskFilter,
  now: Date,
  limit = CONSOLE_TASK_LIMIT,
): Promise<Task[]> {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), ...conditions(db, tenantId, filter, now)))
    .orderBy(desc(tasks.number))
    .limit(limit);
  return hydrateTasks(db, rows);
}

function conditions(db: Db, tenantId: string, filter: ConsoleTaskFilter, now: Date): SQL[] {
  const list: SQL[] = [];
  if (filter.status !== 'all') list.push(eq(tasks.status, filter.status));
  if (filter.template) list.push(eq(tasks.templateKey, filter.template));
  if (filter.person) list.push(exists(ownedBy(db, eq(nodeOwners.personId, filter.person))));
  if (filter.department) {
    const members = db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.departmentId, filter.department)));
    list.push(
      or(
        exists(nodesOfTask(db, eq(nodes.departmentId, filter.department))),
        exists(ownedBy(db, inArray(nodeOwners.personId, members))),
      ) as SQL,
    );
  }
  if (filter.late) {
    list.push(exists(nodesOfTask(db, and(eq(nodes.status, 'active'), lt(nodes.dueAt, now)))));
  }
  if (filter.escalated) {
    list.push(
      or(
        exists(nodesOfTask(db, gt(nodes.escalationLevel, 0))),
        exists(
          db
            .select({ one: sql`1` })
            .from(events)
            .where(and(eq(events.taskId, tasks.id), eq(events.type, MANUAL_ESCALATION))),
        ),
      ) as SQL,
    );
  }
  return list;
}

/** The event `/升级` leaves; it raises a task to the coordination group without a ladder level. */
const MANUAL_ESCALATION = 'task.escalated';

/** Which of these tasks someone escalated by hand. */
export async function findManuallyEscalated(
  db: Db,
  taskIds: readonly string[],
): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ taskId: events.taskId })
    .from(events)
    .where(and(inArray(events.taskId, [...taskIds]), eq(events.type, MANUAL_ESCALATION)));
  return new Set(rows.flatMap((r) => (r.taskId ? [r.taskId] : [])));
}

/** The outer task's nodes meeting `where` (a correlated subquery). */
function nodesOfTask(db: Db, where: SQL | undefined) {
  return db
    .select({ one: sql`1` })
    .from(nodes)
    .where(and(eq(nodes.taskId, tasks.id), where));
}

/** The outer task's node owners meeting `where`. */
function ownedBy(db: Db, where: SQL) {
  return db
    .select({ one: sql`1` })
    .from(nodeOwners)
    .innerJoin(nodes, eq(nodes.id, nodeOwners.nodeId))
    .where(and(eq(nodes.taskId, tasks.id), where));
}

/**
 * One task of the tenant with its nodes and owners, or null: by its id (`tsk_…`, what cards
 * link to) or by its number (`5`, what people say and type).
 */
export async function findConsoleTask(db: Db, tenantId: string, idOrNumber: string) {
  const byNumber = /^[1-9]\d{0,9}$/.test(idOrNumber) && Number(idOrNumber) <= 2_147_483_647;
  const rows = await db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.tenantId, tenantId),
        byNumber ? eq(tasks.number, Number(idOrNumber)) : eq(tasks.id, idOrNumber),
      ),
    );
  return (await hydrateTasks(db, rows))[0] ?? null;
}
