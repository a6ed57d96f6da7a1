import type { Redis } from 'ioredis';
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

  return {
    async setNodePings(nodeId, pings) {
      const wanted = new Set(pings.map((p) => p.id));
      const known = await deps.redis.smembers(nodeKey(nodeId));
      await remove(known.filter((id) => !wanted.has(id)));
      await addPings(deps.queues, pings, now());
      const multi = deps.redis.multi().del(nodeKey(nodeId));
      if (pings.length > 0) multi.sadd(nodeKey(nodeId), ...wanted);
      await multi.exec();
    },
    async clearNode(nodeId) {
      await remove(await deps.redis.smembers(nodeKey(nodeId)));
      await deps.redis.del(nodeKey(nodeId));
    },
    async listScheduledIds() {
      const jobs = await schedule.getJobs(['delayed', 'waiting', 'prioritized']);
      return new Set(jobs.flatMap((j) => (j?.id ? [j.id] : [])));
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
  );
}
