import { belongsToCurrentPlan } from '../../domain/escalation/ping-plan.policy.js';
import type { PingScheduler, ScheduledPing } from '../../ports/ping-scheduler.port.js';

/** Batches whose repairs may be on their way to Redis at once. */
const BATCHES_IN_FLIGHT = 2;

export interface ReconcileResult {
  readonly nodes: number;
  readonly added: number;
  readonly removed: number;
}

/**
 * Makes Redis's schedule match Postgres: every unfired ping of every open node is scheduled
 * (a moment that passed while nothing ran fires at once), and scheduled pings that belong to no
 * open node at its current deadline version are dropped (a due reminder of the current plan
 * stays, see {@link belongsToCurrentPlan}). Safe to run any time, from any process, as often as
 * wanted.
 */
export async function reconcileSchedule(deps: {
  scheduler: PingScheduler;
  /** The pings each open node should have, not yet fired, in batches of nodes. */
  expectedPings: () => AsyncIterable<ReadonlyMap<string, readonly ScheduledPing[]>>;
}): Promise<ReconcileResult> {
  // Emptied of every expected id as the batches pass, so it ends holding the orphans: one set of
  // ids in memory rather than two (at 100,000 open nodes, 300,000 ids each).
  const scheduled = await deps.scheduler.listScheduledIds();
  const versions = new Map<string, number>();
  let nodes = 0;
  let added = 0;
  // While Redis takes one batch's repairs, Postgres already reads the next batch.
  const inFlight: Promise<void>[] = [];
  for await (const batch of deps.expectedPings()) {
    const repairs = new Map<string, readonly ScheduledPing[]>();
    for (const [nodeId, pings] of batch) {
      nodes += 1;
      if (pings[0]) versions.set(nodeId, pings[0].deadlineVersion);
      const missing = pings.filter((p) => !scheduled.delete(p.id));
      if (missing.length === 0) continue;
      repairs.set(nodeId, pings);
      added += missing.length;
    }
    const repair = deps.scheduler.setManyNodePings(repairs);
    // Awaited below; until then a failure must not count as an unhandled rejection.
    repair.catch(() => undefined);
    inFlight.push(repair);
    if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const orphans = [...scheduled].filter((id) => !belongsToCurrentPlan(id, (n) => versions.get(n)));
  await deps.scheduler.remove(orphans);
  return { nodes, added, removed: orphans.length };
}
