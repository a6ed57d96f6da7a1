import { z } from 'zod';
import type { PingScheduler, ScheduledPing } from '../../ports/ping-scheduler.port.js';
import type { Db } from '../db/client.js';
import type { Queues } from '../queue/queues.js';
import type { OutboxHandler } from './outbox-relay.js';

const deliverPayload = z.object({ deliveryId: z.number().int().positive() });
const planPayload = z.object({ nodeId: z.string() });

/**
 * How each outbox topic reaches Redis, a relay pass's rows of a topic at a time. `deliver`
 * becomes a job whose id is the row's key (idempotent); `plan-node` makes the nodes' scheduled
 * pings match their plans in Postgres (read once per pass however many rows name a node).
 */
export function createOutboxHandlers(deps: {
  queues: Queues;
  scheduler: PingScheduler;
  planFor: (
    nodeIds: readonly string[],
    tx: Db,
  ) => Promise<ReadonlyMap<string, readonly ScheduledPing[]>>;
}): Record<string, OutboxHandler> {
  return {
    deliver: async (rows) => {
      await deps.queues.addBulk(
        'deliver',
        rows.map(({ payload, key }) => ({
          payload: { version: 1 as const, ...deliverPayload.parse(payload) },
          jobId: key,
        })),
      );
    },
    'plan-node': async (rows, tx) => {
      const nodeIds = [...new Set(rows.map(({ payload }) => planPayload.parse(payload).nodeId))];
      const plans = await deps.planFor(nodeIds, tx);
      await deps.scheduler.setManyNodePings(
        new Map(nodeIds.map((nodeId) => [nodeId, plans.get(nodeId) ?? []])),
      );
    },
  };
}
