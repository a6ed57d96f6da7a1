import { pingIdTarget } from '../../src/domain/escalation/ping-plan.policy.js';
import type { Db } from '../../src/infra/db/client.js';
import { deliveries } from '../../src/infra/db/schema/index.js';
import { QUEUE_NAMES } from '../../src/infra/queue/queue-names.js';
import type { Queues } from '../../src/infra/queue/queues.js';

/** Job ids of replays start with this; the replayer never replays its own jobs. */
const REPLAY = 'replay';

/**
 * Adds `copies` more jobs, under fresh ids, for every scheduled ping (due at the same moment as
 * the original) and for every delivery row as soon as it appears: what recovery and
 * reconciliation in several processes at once amount to (a Redis failover's lost writes
 * re-added, a requeue of deliveries racing their first job). With more than one worker, the
 * copies run at the same time as the original on another process, so only the claims in
 * PostgreSQL (fired pings, delivery leases) stand between them and a second message.
 */
export function startJobReplayer(deps: {
  db: Db;
  queues: Queues;
  copies?: number;
  everyMs?: number;
}) {
  const copies = deps.copies ?? 2;
  const schedule = deps.queues.queue(QUEUE_NAMES.schedule);
  const replayedPings = new Set<string>();
  // A set, not the highest id seen: ids are taken at insert, rows show up at commit, not in order.
  const replayedDeliveries = new Set<number>();
  let running = true;
  let failure: unknown = null;

  const pass = async () => {
    for (const job of await schedule.getDelayed()) {
      const id = job.id ?? '';
      if (id.startsWith(REPLAY) || replayedPings.has(id)) continue;
      replayedPings.add(id);
      const dueMs = job.timestamp + (job.delay ?? 0);
      const target = pingIdTarget(id);
      if (!target) throw new Error(`not a ping id: ${id}`);
      // Under another job id, a copy names its ping in the payload (version 1).
      const payload = {
        version: 1 as const,
        pingId: id,
        ...target,
        at: new Date(dueMs).toISOString(),
      };
      await deps.queues.addBulk(
        'ping',
        Array.from({ length: copies }, (_, i) => ({
          payload,
          jobId: `${REPLAY}-${id}-${i}`,
          delayMs: Math.max(0, dueMs - Date.now()),
        })),
      );
    }
    const rows = await deps.db.select({ id: deliveries.id }).from(deliveries);
    for (const { id } of rows) {
      if (replayedDeliveries.has(id)) continue;
      replayedDeliveries.add(id);
      for (let i = 0; i < copies; i++) {
        await deps.queues.add(
          'deliver',
          { version: 1, deliveryId: id },
          { jobId: `${REPLAY}-deliver-${id}-${i}` },
        );
      }
    }
  };

  const loop = (async () => {
    while (running) {
      try {
        await pass();
      } catch (err) {
        failure = err;
        running = false;
      }
      await new Promise((resolve) => setTimeout(resolve, deps.everyMs ?? 100));
    }
  })();

  return {
    /**
     * Stops after a last pass (unless `lastPass` is false); resolves with how many pings and
     * deliveries were replayed, or rejects with what stopped it early.
     */
    async stop({ lastPass = true } = {}) {
      running = false;
      await loop;
      if (failure) throw failure;
      if (lastPass) await pass();
      return { pings: replayedPings.size, deliveries: replayedDeliveries.size };
    },
  };
}
