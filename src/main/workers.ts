import type { Logger } from 'pino';
import { reconcileSchedule } from '../application/scheduling/reconcile-schedule.usecase.js';
import type { Config } from '../infra/config/config.js';
import { createDeliveryStore } from '../infra/db/repositories/delivery-store.drizzle.js';
import { createRunInTransaction } from '../infra/db/unit-of-work.drizzle.js';
import { createRedisChatBudget } from '../infra/delivery/chat-budget.redis.js';
import { createOutboxHandlers } from '../infra/outbox/outbox-handlers.js';
import { createOutboxRelay } from '../infra/outbox/outbox-relay.js';
import { createBullmqPingScheduler } from '../infra/queue/bullmq-ping-scheduler.js';
import type { Queues } from '../infra/queue/queues.js';
import { startDeliveryWorker } from '../infra/queue/workers/delivery.worker.js';
import { startMaintenanceWorker } from '../infra/queue/workers/maintenance.worker.js';
import { startScheduleWorker } from '../infra/queue/workers/schedule.worker.js';
import { createNodePlanner } from '../infra/scheduling/node-planner.js';
import type { Infrastructure } from './infrastructure.js';
import type { PlatformModule } from './platform-module.js';
import { createPlatforms } from './platforms.js';
import { loadTemplates, templateLadders } from './templates.js';

/** How long a delivery claim lasts: far above any platform call's timeout. */
const DELIVERY_LEASE_MS = 60_000;

/**
 * Starts the background side: the outbox relay, the delivery, schedule and maintenance workers,
 * and a first reconciliation. The closer stops taking work and lets jobs in flight finish.
 */
export async function startWorkers(
  config: Config,
  infra: Infrastructure,
  queues: Queues,
  logger: Logger,
  modules: readonly PlatformModule[] = [],
) {
  const { db } = infra.database;
  const now = () => new Date();
  const planner = createNodePlanner({
    db,
    now,
    templateLadder: templateLadders(loadTemplates(config)),
  });
  const scheduler = createBullmqPingScheduler({
    queues,
    redis: infra.redis,
    queuePrefix: config.redis.prefix,
  });
  const relay = createOutboxRelay({
    db,
    handlers: createOutboxHandlers({
      queues,
      scheduler,
      planFor: (nodeId, tx) => planner.forNode(nodeId, tx),
    }),
    logger: logger.child({ component: 'outbox-relay' }),
  });
  const common = { connection: infra.redis, queuePrefix: config.redis.prefix };
  const deliveryWorker = startDeliveryWorker({
    ...common,
    deliveries: createDeliveryStore(db),
    platforms: createPlatforms(config, infra, logger, modules),
    budget: createRedisChatBudget(infra.redis, config.redis.prefix),
    leaseMs: DELIVERY_LEASE_MS,
    queues,
    logger: logger.child({ component: 'delivery' }),
    onDigestWritten: () => relay.poke(),
  });
  const scheduleWorker = startScheduleWorker({
    ...common,
    runInTransaction: createRunInTransaction(db, () => relay.poke()),
    orgOfNode: (nodeId) => planner.orgOfNode(nodeId),
    plannedPing: (task, org, pingId) => planner.plannedPing(task, org, pingId),
    publicUrl: config.http.publicUrl,
    now,
    logger: logger.child({ component: 'schedule' }),
    onFired: () => relay.poke(),
  });
  const reconcile = () => reconcileSchedule({ scheduler, expectedPings: () => planner.allOpen() });
  const maintenanceWorker = await startMaintenanceWorker({
    ...common,
    queues,
    logger: logger.child({ component: 'maintenance' }),
    reconcile,
  });
  relay.start();
  logger.info({ result: await reconcile() }, 'workers started; schedule reconciled');
  return {
    /** Relay outbox rows now (called after a transaction in this process committed). */
    poke: () => relay.poke(),
    async close() {
      await relay.stop();
      await Promise.all([
        deliveryWorker.close(),
        scheduleWorker.close(),
        maintenanceWorker.close(),
      ]);
    },
  };
}
