import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { FINISHED_JOB_RETENTION } from '../job-catalog.js';
import { bullPrefix, QUEUE_NAMES } from '../queue-names.js';
import type { Queues } from '../queues.js';

/** Reconciliation runs this often (and once at every worker start). */
export const RECONCILE_EVERY_MS = 5 * 60_000;

/**
 * Puts the repeatable maintenance jobs in Redis (idempotent). Called at start, and again when
 * Redis turns out to have lost its data (FLUSHALL, a failover to an empty replica).
 */
export async function scheduleMaintenance(queues: Queues): Promise<void> {
  await queues.queue(QUEUE_NAMES.maintenance).upsertJobScheduler(
    'reconcile-schedule',
    // The first run one period out: whoever calls this has just reconciled (a worker at start,
    // the watchdog after a flush), and BullMQ would otherwise run it again at once.
    { every: RECONCILE_EVERY_MS, startDate: Date.now() + RECONCILE_EVERY_MS },
    { name: 'reconcile', data: { version: 1 } },
  );
}

/**
 * Housekeeping on a repeatable BullMQ job: one run per period across all workers, because the
 * job scheduler keeps a single next run in Redis whatever the number of processes.
 */
export async function startMaintenanceWorker(deps: {
  queues: Queues;
  connection: Redis;
  queuePrefix: string;
  logger: Logger;
  reconcile: () => Promise<unknown>;
}): Promise<Worker> {
  await scheduleMaintenance(deps.queues);
  const worker = new Worker(
    QUEUE_NAMES.maintenance,
    async (job: Job) => {
      if (job.name !== 'reconcile')
        throw new Error(`unknown job ${job.name} on the maintenance queue`);
      const result = await deps.reconcile();
      deps.logger.info({ result }, 'schedule reconciled');
      return result;
    },
    {
      connection: deps.connection,
      prefix: bullPrefix(deps.queuePrefix),
      ...FINISHED_JOB_RETENTION,
      concurrency: 1,
    },
  );
  worker.on('error', (err) => deps.logger.error({ err: err.message }, 'maintenance worker error'));
  return worker;
}
