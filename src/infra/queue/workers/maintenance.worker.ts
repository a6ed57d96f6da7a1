import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { FINISHED_JOB_RETENTION, JOBS } from '../job-catalog.js';
import { bullPrefix, QUEUE_NAMES } from '../queue-names.js';
import type { Queues } from '../queues.js';

/** Reconciliation runs this often (and once at every worker start). */
export const RECONCILE_EVERY_MS = 5 * 60_000;

/**
 * Puts the repeatable maintenance jobs in Redis (idempotent). Called at start, and again when
 * Redis turns out to have lost its data (FLUSHALL, a failover to an empty replica).
 */
export async function scheduleMaintenance(queues: Queues, directorySyncEveryMs = 0): Promise<void> {
  const queue = queues.queue(QUEUE_NAMES.maintenance);
  if (directorySyncEveryMs > 0) {
    await queue.upsertJobScheduler(
      'directory-sync',
      // Not at once: every worker start would sync again. The first sync is queued by
      // queueFirstDirectorySync, or run from the console or `baton directory sync`.
      { every: directorySyncEveryMs, startDate: Date.now() + directorySyncEveryMs },
      {
        name: 'directory-sync',
        data: { version: 1, trigger: 'schedule' },
        opts: {
          attempts: JOBS['directory-sync'].attempts,
          backoff: { type: 'exponential', delay: JOBS['directory-sync'].backoffMs },
        },
      },
    );
  } else {
    await queue.removeJobScheduler('directory-sync');
  }
  await queue.upsertJobScheduler(
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
  /** Syncs the directory from the platforms' contacts; null when no platform has contacts. */
  syncDirectory: ((trigger: string) => Promise<unknown>) | null;
  directorySyncEveryMs: number;
}): Promise<Worker> {
  await scheduleMaintenance(deps.queues, deps.syncDirectory ? deps.directorySyncEveryMs : 0);
  const worker = new Worker(
    QUEUE_NAMES.maintenance,
    async (job: Job) => {
      if (job.name === 'directory-sync') {
        const { trigger } = JOBS['directory-sync'].payload.parse(job.data);
        if (!deps.syncDirectory) return null;
        const result = await deps.syncDirectory(trigger);
        deps.logger.info({ result }, 'directory synced');
        return result;
      }
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
