import { z } from 'zod';
import type { Queues } from '../queue/queues.js';
import type { OutboxHandler } from './outbox-relay.js';

const deliverPayload = z.object({ deliveryId: z.number().int().positive() });

/** How each outbox topic becomes a BullMQ job; the row's key is the job id (idempotent). */
export function createOutboxHandlers(queues: Queues): Record<string, OutboxHandler> {
  return {
    deliver: async (payload, key) => {
      const { deliveryId } = deliverPayload.parse(payload);
      await queues.add('deliver', { version: 1, deliveryId }, { jobId: key });
    },
  };
}
