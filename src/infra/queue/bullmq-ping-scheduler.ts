import type { Redis } from 'ioredis';
import { belongsToCurrentPlan } from '../../domain/escalation/ping-plan.policy.js';
import type { PingScheduler, ScheduledPing } from '../../ports/ping-scheduler.port.js';
import { QUEUE_NAMES } from './queue-names.js';
import type { Queues } from './queues.js';

/**
 * The schedule as BullMQ delayed jobs, one per ping, with the ping id as job id. A Redis string
 * per node (under the same hash tag as the queues; the ids separated by spaces, half the memory
 * of a set) remembers which ids belong to it, so a re-plan removes exactly the node's stale pings.
 */
export function createBullmqPingScheduler(deps: {
  queues: Queues;
  redis: Redis;
  queuePrefix: string;
  now?: () => number;
}): PingScheduler {
  const now = deps.now ?? Date.now;
  const schedule = deps.queues.queue(QUEUE_NAMES.schedule);
  const nodeKey = (nodeId: string) => `{${deps.queuePrefix}}:node-ping-ids:${nodeId}`;
  // Where versions before 2026-12 kept the ids, as a set: read and removed with the new key.
  const legacyNodeKey = (nodeId: string) => `{${deps.queuePrefix}}:node-pings:${nodeId}`;

  /** The ids scheduled for each node, in one round trip. */
  async function idsOf(nodeIds: readonly string[]): Promise<string[][]> {
    const read = deps.redis.pipeline();
    for (const nodeId of nodeIds) read.get(nodeKey(nodeId)).smembers(legacyNodeKey(nodeId));
    const replies = ((await read.exec()) ?? []).map(([err, reply]) => {
      if (err) throw err;
      return reply;
    });
    return nodeIds.map((_, i) => {
      const joined = replies[2 * i];
      const ids = typeof joined === 'string' && joined !== '' ? joined.split(' ') : [];
      return [...new Set([...ids, ...((replies[2 * i + 1] as string[] | undefined) ?? [])])];
    });
  }

  async function remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) await schedule.remove(id);
  }

  async function setManyNodePings(
    plans: ReadonlyMap<string, readonly ScheduledPing[]>,
  ): Promise<void> {
    const entries = [...plans];
    if (entries.length === 0) return;
    const known = await idsOf(entries.map(([nodeId]) => nodeId));
    // Per node: the ids to keep (wanted, or due pings of its current plan) and those to drop.
    const sorted = entries.map(([nodeId, pings], i) => {
      const ids = known[i] ?? [];
      const wanted = new Set(pings.map((p) => p.id));
      const version = pings[0]?.deadlineVersion;
      const current = (n: string) => (n === nodeId ? version : undefined);
      const keep = [...wanted];
      const stale: string[] = [];
      for (const id of ids)
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
      write.del(legacyNodeKey(nodeId));
      if (keep.length > 0) write.set(nodeKey(nodeId), keep.join(' '));
      else write.del(nodeKey(nodeId));
    }
    await write.exec();
  }

  return {
    setNodePings: (nodeId, pings) => setManyNodePings(new Map([[nodeId, pings]])),
    setManyNodePings,
    async clearNode(nodeId) {
      const [ids = []] = await idsOf([nodeId]);
      await remove(ids);
      await deps.redis.del(nodeKey(nodeId), legacyNodeKey(nodeId));
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
      payload: { version: 2 as const },
      jobId: ping.id,
      delayMs: Math.max(0, ping.at.getTime() - nowMs),
    })),
    // Every ping asked for is unfired in PostgreSQL: a finished job of its id was given up
    // (its workers died, or its tries ran out during an outage) and must run again.
    { replaceFinished: true },
  );
}
