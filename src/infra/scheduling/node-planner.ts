import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import {
  ladderFor,
  type PlannedPing,
  planNodePings,
} from '../../domain/escalation/ping-plan.policy.js';
import type { Org } from '../../domain/org/org.types.js';
import type { Task } from '../../domain/task/task.types.js';
import type { OrgStore } from '../../ports/org-store.port.js';
import type { Db } from '../db/client.js';
import { hydrateTasks } from '../db/repositories/task-repository.drizzle.js';
import { firedPings, nodes, tasks } from '../db/schema/index.js';

/**
 * Computes, from Postgres alone, which pings each active node should have scheduled: the plan
 * of the domain minus the pings already fired. The schedule and reconciliation both use it.
 */
export function createNodePlanner(deps: { db: Db; orgStore: OrgStore; now: () => Date }) {
  async function orgsFor(list: readonly Task[]): Promise<Map<string, Org>> {
    const orgs = new Map<string, Org>();
    for (const tenantId of new Set(list.map((t) => t.tenantId))) {
      const org = await deps.orgStore.loadOrg(tenantId);
      if (org) orgs.set(tenantId, org);
    }
    return orgs;
  }

  async function plansOf(
    list: readonly Task[],
    only?: string,
  ): Promise<Map<string, PlannedPing[]>> {
    const orgs = await orgsFor(list);
    const now = deps.now();
    const plans = new Map<string, PlannedPing[]>();
    for (const task of list) {
      const org = orgs.get(task.tenantId);
      if (!org || task.status !== 'open') continue;
      const calendar = createBusinessCalendar(org.calendar);
      for (const node of task.nodes) {
        if (node.status !== 'active' || (only && node.id !== only)) continue;
        plans.set(
          node.id,
          planNodePings({ task, node, ladder: ladderFor(task, org), calendar, now }),
        );
      }
    }
    const ids = [...plans.values()].flat().map((p) => p.id);
    const fired = ids.length
      ? new Set(
          (
            await deps.db
              .select({ id: firedPings.id })
              .from(firedPings)
              .where(inArray(firedPings.id, ids))
          ).map((r) => r.id),
        )
      : new Set<string>();
    for (const [nodeId, pings] of plans)
      plans.set(
        nodeId,
        pings.filter((p) => !fired.has(p.id)),
      );
    return plans;
  }

  return {
    /** The node's unfired pings; empty when the node is not active (so its schedule clears). */
    async forNode(nodeId: string): Promise<PlannedPing[]> {
      const [row] = await deps.db
        .select({ taskId: nodes.taskId })
        .from(nodes)
        .where(eq(nodes.id, nodeId));
      if (!row) return [];
      const list = await hydrateTasks(
        deps.db,
        await deps.db.select().from(tasks).where(eq(tasks.id, row.taskId)),
      );
      return (await plansOf(list, nodeId)).get(nodeId) ?? [];
    },

    /** The plan a task's node has now, fired pings included (to find what a firing job means). */
    async plannedPing(task: Task, pingId: string): Promise<PlannedPing | null> {
      const org = (await orgsFor([task])).get(task.tenantId);
      if (!org) return null;
      const calendar = createBusinessCalendar(org.calendar);
      for (const node of task.nodes) {
        // Planned as of activation, so reminders already past still match their ids.
        const pings = planNodePings({
          task,
          node,
          ladder: ladderFor(task, org),
          calendar,
          now: node.activatedAt ?? deps.now(),
        });
        const found = pings.find((p) => p.id === pingId);
        if (found) return found;
      }
      return null;
    },

    /** Every open task's unfired pings, a batch of tasks at a time (for reconciliation). */
    async *allOpen(batchSize = 500): AsyncIterable<Map<string, PlannedPing[]>> {
      let after = '';
      for (;;) {
        const rows = await deps.db
          .select()
          .from(tasks)
          .where(and(eq(tasks.status, 'open'), gt(tasks.id, after)))
          .orderBy(asc(tasks.id))
          .limit(batchSize);
        if (rows.length === 0) return;
        yield await plansOf(await hydrateTasks(deps.db, rows));
        after = rows[rows.length - 1]?.id ?? after;
      }
    },
  };
}

export type NodePlanner = ReturnType<typeof createNodePlanner>;
