import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Platform } from '../../../domain/org/org.types.js';
import type { NodeStatus, Task } from '../../../domain/task/task.types.js';
import type { TaskRepository } from '../../../ports/unit-of-work.port.js';
import type { Db } from '../client.js';
import { nodeOwners, nodes, taskCounters, taskFollowers, tasks } from '../schema/index.js';
import { nodeRow, taskRow, toTask } from './task-rows.mapper.js';
import { excludedSet } from './upsert.helpers.js';

/** An upsert's SET for node rows: every column `nodeRow` writes but the key, from the new row. */
function nodeUpdateSet(row: ReturnType<typeof nodeRow>) {
  const columns = getTableColumns(nodes);
  return excludedSet(
    Object.keys(row)
      .filter((key) => key !== 'id')
      .map((key) => columns[key as keyof typeof columns].name),
  );
}

/** Tasks with their nodes, owners and followers, for task rows already read. */
export async function hydrateTasks(tx: Db, rows: (typeof tasks.$inferSelect)[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const nodeRows = await tx.select().from(nodes).where(inArray(nodes.taskId, ids));
  const ownerRows = nodeRows.length
    ? await tx
        .select()
        .from(nodeOwners)
        .where(
          inArray(
            nodeOwners.nodeId,
            nodeRows.map((n) => n.id),
          ),
        )
    : [];
  const followerRows = await tx
    .select()
    .from(taskFollowers)
    .where(inArray(taskFollowers.taskId, ids));
  // Grouped once: reconciliation hydrates hundreds of tasks at a time.
  const nodesOf = groupBy(nodeRows, (n) => n.taskId);
  const ownersOf = groupBy(ownerRows, (o) => o.nodeId);
  const followersOf = groupBy(followerRows, (f) => f.taskId);
  return rows.map((row) => {
    const taskNodes = nodesOf.get(row.id) ?? [];
    return toTask(
      row,
      taskNodes,
      taskNodes.flatMap((n) => ownersOf.get(n.id) ?? []),
      (followersOf.get(row.id) ?? []).map((f) => f.personId),
    );
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The task repository over a transaction (or, for reads, the database). */
export function createTaskRepository(tx: Db): TaskRepository {
  const hydrate = (rows: (typeof tasks.$inferSelect)[]) => hydrateTasks(tx, rows);

  return {
    async nextNumber(tenantId) {
      const [row] = await tx
        .insert(taskCounters)
        .values({ tenantId, lastNumber: 1 })
        .onConflictDoUpdate({
          target: taskCounters.tenantId,
          set: { lastNumber: sql`${taskCounters.lastNumber} + 1` },
        })
        .returning({ n: taskCounters.lastNumber });
      if (!row) throw new Error('task counter returned nothing');
      return row.n;
    },

    async save(task) {
      const row = taskRow(task);
      // xmax is 0 on a row this statement inserted: a new task has no owners or followers to clear.
      const [saved] = await tx
        .insert(tasks)
        .values(row)
        .onConflictDoUpdate({
          target: tasks.id,
          set: { ...row, updatedAt: sql`now()` },
        })
        .returning({ isNew: sql<boolean>`xmax = 0` });
      const nodeRows = task.nodes.map((node) => nodeRow(task.id, node));
      if (nodeRows[0]) {
        // One statement for all the task's nodes, however many.
        await tx
          .insert(nodes)
          .values(nodeRows)
          .onConflictDoUpdate({ target: nodes.id, set: nodeUpdateSet(nodeRows[0]) });
      }
      const nodeIds = task.nodes.map((n) => n.id);
      if (nodeIds.length && !saved?.isNew) {
        await tx.delete(nodeOwners).where(inArray(nodeOwners.nodeId, nodeIds));
      }
      const owners = task.nodes.flatMap((n) =>
        n.owners.map((o, position) => ({
          nodeId: n.id,
          personId: o.personId,
          position,
          decision: o.decision,
          decidedAt: o.decidedAt,
        })),
      );
      if (owners.length) await tx.insert(nodeOwners).values(owners);
      if (!saved?.isNew) await tx.delete(taskFollowers).where(eq(taskFollowers.taskId, task.id));
      if (task.followers.length) {
        await tx
          .insert(taskFollowers)
          .values(task.followers.map((personId) => ({ taskId: task.id, personId })));
      }
    },

    async lockById(tenantId, taskId) {
      const rows = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, taskId)))
        .for('update');
      return (await hydrate(rows))[0] ?? null;
    },

    async lockByNumber(tenantId, number) {
      const rows = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.number, number)))
        .for('update');
      return (await hydrate(rows))[0] ?? null;
    },

    async lockByNodeId(nodeId) {
      const [node] = await tx
        .select({ taskId: nodes.taskId })
        .from(nodes)
        .where(eq(nodes.id, nodeId));
      if (!node) return null;
      const rows = await tx.select().from(tasks).where(eq(tasks.id, node.taskId)).for('update');
      return (await hydrate(rows))[0] ?? null;
    },

    async findOpenInChat(tenantId: string, platform: Platform, chatId: string) {
      const rows = await tx
        .select()
        .from(tasks)
        .where(
          and(
            eq(tasks.tenantId, tenantId),
            eq(tasks.originPlatform, platform),
            eq(tasks.originChatId, chatId),
            eq(tasks.status, 'open'),
          ),
        )
        .orderBy(desc(tasks.number))
        .limit(50);
      return hydrate(rows);
    },

    async findOpenNodesOwnedBy(tenantId, personId, options = {}) {
      const statuses: NodeStatus[] = options.includePending
        ? ['pending', 'active', 'paused']
        : ['active', 'paused'];
      const owned = await tx
        .selectDistinct({ taskId: nodes.taskId })
        .from(nodeOwners)
        .innerJoin(nodes, eq(nodes.id, nodeOwners.nodeId))
        .innerJoin(tasks, eq(tasks.id, nodes.taskId))
        .where(
          and(
            eq(nodeOwners.personId, personId),
            eq(tasks.tenantId, tenantId),
            eq(tasks.status, 'open'),
            inArray(nodes.status, statuses),
          ),
        );
      if (owned.length === 0) return [];
      const found = await hydrate(
        await tx
          .select()
          .from(tasks)
          .where(
            inArray(
              tasks.id,
              owned.map((o) => o.taskId),
            ),
          ),
      );
      return found.flatMap((task) =>
        task.nodes
          .filter(
            (n) => statuses.includes(n.status) && n.owners.some((o) => o.personId === personId),
          )
          .map((node) => ({ task, node })),
      );
    },
  };
}
