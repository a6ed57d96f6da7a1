import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { SentMessage } from '../../ports/chat-platform.port.js';
import type { SentReceipts } from '../../ports/sent-receipts.port.js';

/** Long enough for any outage a delivery's retries and the periodic requeue live through. */
const RECEIPT_TTL_SECONDS = 7 * 24 * 3600;

const receiptSchema = z.object({
  messageId: z.string().nullable(),
  responseCode: z.string().nullable(),
  responseCodeExpiresAt: z.coerce.date().nullable(),
  cardRef: z.string().nullable(),
});

/** Sent receipts as Redis strings, one per delivery, under the deployment's key prefix. */
export function createRedisSentReceipts(redis: Redis, keyPrefix: string): SentReceipts {
  const keyOf = (deliveryId: number) => `${keyPrefix}:sent-receipt:${deliveryId}`;
  return {
    async remember(deliveryId, sent) {
      await redis.set(keyOf(deliveryId), JSON.stringify(sent), 'EX', RECEIPT_TTL_SECONDS);
    },
    async recall(deliveryId) {
      const stored = await redis.get(keyOf(deliveryId));
      if (stored === null) return null;
      return receiptSchema.parse(JSON.parse(stored)) satisfies SentMessage;
    },
  };
}
