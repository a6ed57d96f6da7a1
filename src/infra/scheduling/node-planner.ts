import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { BusinessCalendar } from '../../domain/calendar/calendar.types.js';
import {
  ladderFor,
  type PlannedPing,
  planNodePings,
} from '../../domain/escalation/ping-plan.policy.js';
import type { EscalationLadder, Org } from '../../domain/org/org.types.js';
import type { Task } from '../../domain/task/task.types.js';
import type { Db } from '../db/client.js';
import { createOrgStore } from '../db/repositories/org-store.drizzle.js';
import { hydrateTasks } from '../db/repositories/task-repository.drizzle.js';
import { firedPings, nodes, tasks } from '../db/schema/index.js';
import { cachedOrgStore, orgCacheFor } from '../org/org-cache.js';

/**
 * Computes, from Postgres alone, which pings each active node should have scheduled: the plan
 * of the domain minus the pings already fired. The schedule and reconciliation both use it.
 *
 * Reads go through `q`: inside a transaction it must be the transaction itself, because the
 * embedded database (PGlite) has one connection, and a query beside an open transaction would
 * wait for it forever.
 */
export function createNodePlanner(deps: {
  db: Db;
  now: () => Date;
  /** The task's template's own ladder, if it has one. */
  templateLadder: (templateKey: string | null) => EscalationLadder | null;
}) {
  const ladderOf = (task: Task, org: Org) =>
    ladderFor(task, org, deps.templateLadder(task.templateKey));

  async function orgsFor(q: Db, list: readonly Task[]): Promise<Map<string, Org>> {
    const orgs = new Map<string, Org>();
    for (const tenantId of new Set(list.map((t) => t.tenantId))) {
      const org = await orgCacheFor(deps.db).get(tenantId, () =>
        createOrgStore(q).loadOrg(tenantId),
      );
      if (org) orgs.set(tenantId, org);
    }
    return orgs;
  }

  async function unfired(q: Db, ids: readonly string[]): Promise<(id: string) => boolean> {
    if (ids.length === 0) return () => true;
    const rows = await q
      .select({ id: firedPings.id })
      .from(firedPings)
      .where(inArray(firedPings.id, [...ids]));
    const fired = new Set(rows.map((r) => r.id));
    return (id) => !fired.has(id);
  }

  async function plansOf(
    q: Db,
    list: readonly Task[],
    only: (nodeId: string) => boolean = () => true,
  ): Promise<Map<string, PlannedPing[]>> {
    const orgs = await orgsFor(q, list);
    const now = deps.now();
    const plans = new Map<string, PlannedPing[]>();
    const calendars = new Map<string, BusinessCalendar>();
    for (const task of list) {
      const org = orgs.get(task.tenantId);
      if (!org || task.status !== 'open') continue;
      let calendar = calendars.get(task.tenantId);
      if (!calendar) {
        calendar = createBusinessCalendar(org.calendar);
        calendars.set(task.tenantId, calendar);
      }
      for (const node of task.nodes) {
        if (node.status !== 'active' || !only(node.id)) continue;
        plans.set(
          node.id,
          planNodePings({ task, node, ladder: ladderOf(task, org), calendar, now }),
        );
      }
    }
    const isUnfired = await unfired(
      q,
      [...plans.values()].flat().map((p) => p.id),
    );
    for (const [nodeId, pings] of plans)
      plans.set(
        nodeId,
        pings.filter((p) => isUnfired(p.id)),
      );
    return plans;
  }

  return {
    /**
     * Each node's unfired pings, read together (one task read for all); empty for a node that is
     * not active, so its schedule clears.
     */
    async forNodes(nodeIds: readonly string[], q: Db): Promise<Map<string, PlannedPing[]>> {
      if (nodeIds.length === 0) return new Map();
      // The nodes' tasks in one statement: their ids come from a subquery, not a round trip.
      const ofNodes = q
        .select({ taskId: nodes.taskId })
        .from(nodes)
        .where(inArray(nodes.id, [...nodeIds]));
      const list = await hydrateTasks(
        q,
        await q.select().from(tasks).where(inArray(tasks.id, ofNodes)),
      );
      const wanted = new Set(nodeIds);
      return plansOf(q, list, (nodeId) => wanted.has(nodeId));
    },

    /** The organisation of a node's task (read outside any transaction). */
    async orgOfNode(nodeId: string): Promise<Org | null> {
      const [row] = await deps.db
        .select({ tenantId: tasks.tenantId })
        .from(nodes)
        .innerJoin(tasks, eq(tasks.id, nodes.taskId))
        .where(eq(nodes.id, nodeId));
      return row ? cachedOrgStore(deps.db, createOrgStore(deps.db)).loadOrg(row.tenantId) : null;
    },

    /** What a ping id means under the node's plan, fired pings included (for a firing job). */
    plannedPing(task: Task, org: Org, pingId: string): PlannedPing | null {
      const calendar = createBusinessCalendar(org.calendar);
      for (const node of task.nodes) {
        // Planned as of activation, so reminders already past still match their ids.
        const now = node.activatedAt ?? deps.now();
        const pings = planNodePings({ task, node, ladder: ladderOf(task, org), calendar, now });
        const found = pings.find((p) => p.id === pingId);
        if (found) return found;
      }
      return null;
    },

    /**
     * Every open task's unfired pings, a batch of tasks at a time (for reconciliation). The next
     * batch is read and planned while the caller works on this one.
     */
    async *allOpen(batchSize = 200): AsyncIterable<Map<string, PlannedPing[]>> {
      const page = (after: string) =>
        deps.db
          .select()
          .from(tasks)
          .where(and(eq(tasks.status, 'open'), gt(tasks.id, after)))
          .orderBy(asc(tasks.id))
          .limit(batchSize);
      const plan = (rows: (typeof tasks.$inferSelect)[]) => {
        const plans = (async () => plansOf(deps.db, await hydrateTasks(deps.db, rows)))();
        // Awaited in turn; until then a failure must not count as an unhandled rejection.
        plans.catch(() => undefined);
        return plans;
      };
      let rows = await page('');
      let plans = plan(rows);
      while (rows.length > 0) {
        const nextRows = await page(rows[rows.length - 1]?.id ?? '');
        const nextPlans = plan(nextRows);
        yield await plans;
        rows = nextRows;
        plans = nextPlans;
      }
    },
  };
}

export type NodePlanner = ReturnType<typeof createNodePlanner>;
