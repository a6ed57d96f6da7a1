import { z } from 'zod';
import type { PingScheduler, ScheduledPing } from '../../ports/ping-scheduler.port.js';
import type { Db } from '../db/client.js';
import type { Queues } from '../queue/queues.js';
import type { OutboxHandler } from './outbox-relay.js';

const deliverPayload = z.object({ deliveryId: z.number().int().positive() });
const planPayload = z.object({ nodeId: z.string() });

/**
 * How each outbox topic reaches Redis. `deliver` becomes a job whose id is the row's key
 * (idempotent); `plan-node` makes the node's scheduled pings match its plan in Postgres.
 */
export function createOutboxHandlers(deps: {
  queues: Queues;
  scheduler: PingScheduler;
  planFor: (nodeId: string, tx: Db) => Promise<readonly ScheduledPing[]>;
}): Record<string, OutboxHandler> {
  return {
    deliver: async (payload, key) => {
      const { deliveryId } = deliverPayload.parse(payload);
      await deps.queues.add('deliver', { version: 1, deliveryId }, { jobId: key });
    },
    'plan-node': async (payload, _key, tx) => {
      const { nodeId } = planPayload.parse(payload);
      await deps.scheduler.setNodePings(nodeId, await deps.planFor(nodeId, tx));
    },
  };
}
