import type { Redis } from 'ioredis';
import { belongsToCurrentPlan } from '../../domain/escalation/ping-plan.policy.js';
import type { PingScheduler, ScheduledPing } from '../../ports/ping-scheduler.port.js';
import { QUEUE_NAMES } from './queue-names.js';
import type { Queues } from './queues.js';

/**
 * The schedule as BullMQ delayed jobs, one per ping, with the ping id as job id. A Redis set per
 * node (under the same hash tag as the queues) remembers which ids belong to it, so a re-plan
 * removes exactly the node's stale pings.
 */
export function createBullmqPingScheduler(deps: {
  queues: Queues;
  redis: Redis;
  queuePrefix: string;
  now?: () => number;
}): PingScheduler {
  const now = deps.now ?? Date.now;
  const schedule = deps.queues.queue(QUEUE_NAMES.schedule);
  const nodeKey = (nodeId: string) => `{${deps.queuePrefix}}:node-pings:${nodeId}`;

  async function remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) await schedule.remove(id);
  }

  async function setManyNodePings(
    plans: ReadonlyMap<string, readonly ScheduledPing[]>,
  ): Promise<void> {
    const entries = [...plans];
    if (entries.length === 0) return;
    const read = deps.redis.pipeline();
    for (const [nodeId] of entries) read.smembers(nodeKey(nodeId));
    const known = (await read.exec()) ?? [];
    // Per node: the ids to keep (wanted, or due pings of its current plan) and those to drop.
    const sorted = entries.map(([nodeId, pings], i) => {
      const [err, ids] = known[i] ?? [null, []];
      if (err) throw err;
      const wanted = new Set(pings.map((p) => p.id));
      const version = pings[0]?.deadlineVersion;
      const current = (n: string) => (n === nodeId ? version : undefined);
      const keep = [...wanted];
      const stale: string[] = [];
      for (const id of ids as string[])
        if (!wanted.has(id)) (belongsToCurrentPlan(id, current) ? keep : stale).push(id);
      return { nodeId, keep, stale };
    });
    await remove(sorted.flatMap((s) => s.stale));
    await addPings(
      deps.queues,
      entries.flatMap(([, pings]) => pings),
      now(),
    );
    const write = deps.redis.multi();
    for (const { nodeId, keep } of sorted) {
      write.del(nodeKey(nodeId));
      if (keep.length > 0) write.sadd(nodeKey(nodeId), ...keep);
    }
    await write.exec();
  }

  return {
    setNodePings: (nodeId, pings) => setManyNodePings(new Map([[nodeId, pings]])),
    setManyNodePings,
    async clearNode(nodeId) {
      await remove(await deps.redis.smembers(nodeKey(nodeId)));
      await deps.redis.del(nodeKey(nodeId));
    },
    async listScheduledIds() {
      // The ids alone, from the sets: reading every job's hash costs seconds at 100,000.
      return new Set(await schedule.getRanges(['delayed', 'waiting', 'prioritized'], 0, -1));
    },
    remove,
  };
}

async function addPings(
  queues: Queues,
  pings: readonly ScheduledPing[],
  nowMs: number,
): Promise<void> {
  await queues.addBulk(
    'ping',
    pings.map((ping) => ({
      payload: {
        version: 1 as const,
        pingId: ping.id,
        nodeId: ping.nodeId,
        deadlineVersion: ping.deadlineVersion,
        at: ping.at.toISOString(),
      },
      jobId: ping.id,
      delayMs: Math.max(0, ping.at.getTime() - nowMs),
    })),
    // Every ping asked for is unfired in PostgreSQL: a finished job of its id was given up
    // (its workers died, or its tries ran out during an outage) and must run again.
    { replaceFinished: true },
  );
}
