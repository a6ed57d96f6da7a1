import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A `baton serve` process has no outbox relay or inbox consumer of its own: after it commits
 * outbox or inbox rows it says so over Redis pub/sub, and every worker takes them at once
 * instead of at its next idle poll. A lost wake-up costs only that poll's delay; the rows wait
 * in Postgres.
 */
export function outboxWakeupChannel(queuePrefix: string): string {
  return `${queuePrefix}:outbox-wakeup`;
}

export function createOutboxWakeupPublisher(redis: Redis, queuePrefix: string, logger: Logger) {
  const channel = outboxWakeupChannel(queuePrefix);
  return (): void => {
    redis.publish(channel, '1').catch((err: Error) => {
      logger.warn({ err: err.message }, 'could not wake the outbox relays; they poll anyway');
    });
  };
}

/** Calls `onWake` for every wake-up, on a connection of its own. */
export async function subscribeOutboxWakeup(
  redis: Redis,
  queuePrefix: string,
  onWake: () => void,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const subscriber = redis.duplicate();
  // It reconnects and resubscribes by itself; while Redis is away the relay polls.
  subscriber.on('error', (err: Error) =>
    logger.warn({ err: err.message }, 'outbox wake-up subscription: redis connection error'),
  );
  subscriber.on('message', () => onWake());
  await subscriber.subscribe(outboxWakeupChannel(queuePrefix));
  return {
    async close() {
      subscriber.disconnect();
    },
  };
}
