import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
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
  /** What was typed in the search box, resolved against the org's names. */
  readonly search?: ConsoleTaskSearch;
}

/**
 * A search: tasks whose title holds `text`, whose number it is (`12`, `#12`), or that a person
 * or department named by it created, owns or runs a node of.
 */
export interface ConsoleTaskSearch {
  readonly text: string;
  /** People whose name holds the text, and the people of departments whose name does. */
  readonly personIds: readonly string[];
  /** Departments whose name holds the text. */
  readonly departmentIds: readonly string[];
}

/** Newest first (by number), oldest first, or the soonest deadline of an open node first. */
export const CONSOLE_TASK_SORTS = ['newest', 'oldest', 'due'] as const;
export type ConsoleTaskSort = (typeof CONSOLE_TASK_SORTS)[number];

/** The most tasks one page of the list holds. */
export const CONSOLE_PAGE_SIZE_MAX = 100;
/** Who holds what needs every open task; this bounds a runaway backlog (and the ids hydration binds). */
export const OPEN_TASKS_LIMIT = 1000;

/** One page of the tasks matching the filter, in the order asked, and how many match in all. */
export async function findConsoleTaskPage(
  db: Db,
  tenantId: string,
  filter: ConsoleTaskFilter,
  now: Date,
  page: { readonly sort: ConsoleTaskSort; readonly offset: number; readonly limit: number },
): Promise<{ tasks: Task[]; total: number }> {
  const where = and(eq(tasks.tenantId, tenantId), ...conditions(db, tenantId, filter, now));
  const [counted] = await db.select({ n: count() }).from(tasks).where(where);
  const rows = await db
    .select()
    .from(tasks)
    .where(where)
    .orderBy(...orderOf(page.sort))
    .offset(page.offset)
    .limit(Math.min(page.limit, CONSOLE_PAGE_SIZE_MAX));
  return { tasks: await hydrateTasks(db, rows), total: counted?.n ?? 0 };
}

/** The soonest deadline among a task's running nodes (null when none runs). */
const soonestOpenDeadline = sql`(select min(n.due_at) from nodes n where n.task_id = ${tasks.id} and n.status in ('active', 'paused'))`;

function orderOf(sort: ConsoleTaskSort): SQL[] {
  if (sort === 'oldest') return [asc(tasks.number)];
  if (sort === 'due') return [sql`${soonestOpenDeadline} asc nulls last`, desc(tasks.number)];
  return [desc(tasks.number)];
}

/** Tasks of a tenant matching the filter, newest first, with nodes and owners. */
export async function findConsoleTasks(
  db: Db,
  tenantId: string,
  filter: ConsoleTaskFilter,
  now: Date,
  limit: number,
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
  if (filter.search) list.push(searchCondition(db, filter.search));
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

/** `%` and `_` typed in the search box are looked for as they are. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searchCondition(db: Db, search: ConsoleTaskSearch): SQL {
  const number = /^#?(\d{1,9})$/.exec(search.text)?.[1];
  const people = [...search.personIds];
  return or(
    ilike(tasks.title, likePattern(search.text)),
    number ? eq(tasks.number, Number(number)) : undefined,
    people.length ? inArray(tasks.creatorId, people) : undefined,
    people.length ? exists(ownedBy(db, inArray(nodeOwners.personId, people))) : undefined,
    search.departmentIds.length
      ? exists(nodesOfTask(db, inArray(nodes.departmentId, [...search.departmentIds])))
      : undefined,
  ) as SQL;
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
