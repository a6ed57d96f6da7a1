import type { Logger } from 'pino';
import type { Config } from '../infra/config/config.js';
import { createDeliveryStore } from '../infra/db/repositories/delivery-store.drizzle.js';
import { createRedisChatBudget } from '../infra/delivery/chat-budget.redis.js';
import { createOutboxHandlers } from '../infra/outbox/outbox-handlers.js';
import { createOutboxRelay } from '../infra/outbox/outbox-relay.js';
import type { Queues } from '../infra/queue/queues.js';
import { startDeliveryWorker } from '../infra/queue/workers/delivery.worker.js';
import type { Infrastructure } from './infrastructure.js';
import { createPlatforms } from './platforms.js';

/** How long a delivery claim lasts: far above any platform call's timeout. */
const DELIVERY_LEASE_MS = 60_000;

/**
 * Starts the background side: the outbox relay and the delivery worker. Returns a closer that
 * stops taking work and lets jobs in flight finish.
 */
export function startWorkers(
  config: Config,
  infra: Infrastructure,
  queues: Queues,
  logger: Logger,
) {
  const relay = createOutboxRelay({
    db: infra.database.db,
    handlers: createOutboxHandlers(queues),
    logger: logger.child({ component: 'outbox-relay' }),
  });
  const deliveryWorker = startDeliveryWorker({
    deliveries: createDeliveryStore(infra.database.db),
    platforms: createPlatforms(config, infra, logger),
    budget: createRedisChatBudget(infra.redis, config.redis.prefix),
    leaseMs: DELIVERY_LEASE_MS,
    queues,
    connection: infra.redis,
    queuePrefix: config.redis.prefix,
    logger: logger.child({ component: 'delivery' }),
    onDigestWritten: () => relay.poke(),
  });
  relay.start();
  logger.info({ workers: ['outbox-relay', 'delivery'] }, 'workers started');
  return {
    async close() {
      await relay.stop();
      await deliveryWorker.close();
    },
  };
}
