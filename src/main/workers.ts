import type { Logger } from 'pino';
import { requeueDeliveries } from '../application/delivery/requeue-deliveries.usecase.js';
import { reconcileSchedule } from '../application/scheduling/reconcile-schedule.usecase.js';
import type { Config } from '../infra/config/config.js';
import type { Db } from '../infra/db/client.js';
import { createDeliveryStore } from '../infra/db/repositories/delivery-store.drizzle.js';
import { createDirectorySyncLog } from '../infra/db/repositories/directory-sync-log.drizzle.js';
import { createRunInTransaction } from '../infra/db/unit-of-work.drizzle.js';
import { createRedisChatBudget } from '../infra/delivery/chat-budget.redis.js';
import { createRedisSentReceipts } from '../infra/delivery/sent-receipts.redis.js';
import { createInboxConsumer } from '../infra/inbox/inbox-consumer.js';
import { createOutboxHandlers } from '../infra/outbox/outbox-handlers.js';
import { createOutboxRelay } from '../infra/outbox/outbox-relay.js';
import { subscribeOutboxWakeup } from '../infra/outbox/outbox-wakeup.js';
import { createBullmqPingScheduler } from '../infra/queue/bullmq-ping-scheduler.js';
import { jobId } from '../infra/queue/job-ids.js';
import type { Queues } from '../infra/queue/queues.js';
import { markRedisIntact, startRedisLossWatchdog } from '../infra/queue/redis-loss-watchdog.js';
import { digestJobId, startDeliveryWorker } from '../infra/queue/workers/delivery.worker.js';
import { startInboundHeldWorker } from '../infra/queue/workers/inbound-held.worker.js';
import {
  scheduleMaintenance,
  startMaintenanceWorker,
} from '../infra/queue/workers/maintenance.worker.js';
import { scheduleReports } from '../infra/queue/workers/report.worker.js';
import { startScheduleWorker } from '../infra/queue/workers/schedule.worker.js';
import { createNodePlanner } from '../infra/scheduling/node-planner.js';
import type { DeliveryRecord } from '../ports/delivery-store.port.js';
import { createDirectorySyncRunner } from './directory-sync.js';
import { createInboundHandler } from './inbound.js';
import type { Infrastructure } from './infrastructure.js';
import type { PlatformModule } from './platform-module.js';
import { createPlatforms } from './platforms.js';
import { startReportJobs } from './report-jobs.js';
import { simulatorSetup } from './simulator.js';
import { loadTemplates, templateLadders } from './templates.js';

/** A pending delivery this old has lost its queue job, not merely waiting in the queue. */
const STRANDED_AFTER_MS = 10 * 60_000;

/** One recovery job per delivery and attempt: repeated recoveries do not pile up jobs. */
function recoveryJobId(d: DeliveryRecord): string {
  return jobId('recover', d.id, `a${d.attempts}`);
}

/** A deployment whose directory was never synced gets its first sync now, not in an hour. */
async function queueFirstDirectorySync(db: Db, queues: Queues): Promise<void> {
  const [last] = await createDirectorySyncLog(db).recent('default', 1);
  if (last) return;
  await queues.add(
    'directory-sync',
    { version: 1, trigger: 'first' },
    { jobId: jobId('directory-sync', 'first') },
  );
}

/**
 * Starts the background side: the inbox consumer, the outbox relay, the delivery, schedule and
 * maintenance workers, and a first reconciliation. The closer stops taking work and lets jobs
 * in flight finish.
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
      planFor: (nodeIds, tx) => planner.forNodes(nodeIds, tx),
    }),
    logger: logger.child({ component: 'outbox-relay' }),
  });
  const common = {
    connection: infra.redis,
    queuePrefix: config.redis.prefix,
    jobLockMs: config.queue.jobLockMs,
  };
  const deliveries = createDeliveryStore(db);
  const deliveryWorker = startDeliveryWorker({
    ...common,
    deliveries,
    platforms: createPlatforms(config, infra, logger, modules),
    budget: createRedisChatBudget(infra.redis, config.redis.prefix),
    receipts: createRedisSentReceipts(infra.redis, config.redis.prefix),
    // A delivery claim outlasts any platform call's timeout, and the job lock besides.
    leaseMs: 2 * config.queue.jobLockMs,
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
  const requeue = (createdBefore: Date) =>
    requeueDeliveries(
      {
        deliveries,
        enqueue: (d) =>
          queues.add(
            'deliver',
            { version: 1, deliveryId: d.id },
            // The delivery is still claimable, so a finished job of this id did not send it.
            { jobId: recoveryJobId(d), replaceFinished: true },
          ),
        scheduleDigest: (platform, target) =>
          queues.add(
            'digest',
            { version: 1, platform, target },
            { jobId: digestJobId(platform, target, Date.now()) },
          ),
      },
      createdBefore,
    );
  // Periodically, a delivery still pending after a while has lost its job (a Redis failover
  // dropped the last writes); newer ones are most likely queued and on their way.
  const reconcile = async () => ({
    pings: await reconcileSchedule({ scheduler, expectedPings: () => planner.allOpen() }),
    deliveries: await requeue(new Date(Date.now() - STRANDED_AFTER_MS)),
  });
  const syncDirectory = createDirectorySyncRunner(
    db,
    modules.flatMap((m) => (m.contacts ? [m.contacts] : [])),
    () => relay.poke(),
  );
  const maintenanceWorker = await startMaintenanceWorker({
    ...common,
    queues,
    logger: logger.child({ component: 'maintenance' }),
    reconcile,
    syncDirectory,
    directorySyncEveryMs: config.directorySyncEveryMs,
  });
  if (syncDirectory && config.directorySyncEveryMs > 0) await queueFirstDirectorySync(db, queues);
  const reportWorker = await startReportJobs(config, infra, queues, logger, () => relay.poke());
  const engine = createInboundHandler(config, infra, () => relay.poke(), {
    // The serving process decides the same from the same modules: simulator events it took
    // into the inbox run in the tenant it told its people they act in.
    simTenantId: simulatorSetup(config.simulator.mode, modules).tenantId,
    logger,
  });
  const heldWorker = startInboundHeldWorker({
    ...common,
    accept: (event) => engine.enqueue(event),
    logger: logger.child({ component: 'inbound-held' }),
  });
  const inbox = createInboxConsumer({
    db,
    handle: (event) => engine.handle(event),
    logger: logger.child({ component: 'inbox' }),
  });
  const poke = () => {
    inbox.poke();
    relay.poke();
  };
  relay.start();
  inbox.start();
  const wakeups = await subscribeOutboxWakeup(
    infra.redis,
    config.redis.prefix,
    poke,
    logger.child({ component: 'outbox-wakeup' }),
  );
  logger.info({ result: await reconcile() }, 'workers started; schedule reconciled');
  await markRedisIntact(infra.redis, config.redis.prefix);
  const watchdog = startRedisLossWatchdog({
    redis: infra.redis,
    queuePrefix: config.redis.prefix,
    everyMs: config.queue.redisCheckMs,
    logger: logger.child({ component: 'redis-watchdog' }),
    restore: async () => {
      await scheduleMaintenance(queues, syncDirectory ? config.directorySyncEveryMs : 0);
      await scheduleReports(queues, { timezone: config.timezone, ...config.schedule });
      const pings = await reconcileSchedule({ scheduler, expectedPings: () => planner.allOpen() });
      relay.poke();
      return { pings, deliveries: await requeue(new Date()) };
    },
  });
  return {
    /** Run the inbox and relay the outbox now (after this process committed either). */
    poke,
    async close() {
      watchdog.close();
      await wakeups.close();
      await inbox.stop();
      await relay.stop();
      await Promise.all([
        deliveryWorker.close(),
        scheduleWorker.close(),
        maintenanceWorker.close(),
        reportWorker.close(),
        heldWorker.close(),
      ]);
    },
  };
}
