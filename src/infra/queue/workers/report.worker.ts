import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { FINISHED_JOB_RETENTION, JOBS } from '../job-catalog.js';
import { bullPrefix, QUEUE_NAMES } from '../queue-names.js';
import type { Queues } from '../queues.js';

const retries = (name: 'weekly-report' | 'daily-digest') => ({
  attempts: JOBS[name].attempts,
  backoff: { type: 'exponential', delay: JOBS[name].backoffMs },
});

/** A cron pattern for every day at local `HH:MM`. */
export function dailyAt(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}

/**
 * Puts the weekly report and the daily digest on BullMQ's job scheduler (idempotent), each once
 * a day at its local time; the handlers decide whether today is the day (first working day of
 * the week, any working day) in each organisation's own calendar.
 */
export async function scheduleReports(
  queues: Queues,
  schedule: { timezone: string; weeklyReportAt: string; dailyDigestAt: string },
): Promise<void> {
  const queue = queues.queue(QUEUE_NAMES.report);
  const tz = schedule.timezone;
  await queue.upsertJobScheduler(
    'weekly-report',
    { pattern: dailyAt(schedule.weeklyReportAt), tz },
    { name: 'weekly-report', data: { version: 1 }, opts: retries('weekly-report') },
  );
  await queue.upsertJobScheduler(
    'daily-digest',
    { pattern: dailyAt(schedule.dailyDigestAt), tz },
    { name: 'daily-digest', data: { version: 1 }, opts: retries('daily-digest') },
  );
}

/**
 * Runs the report jobs. The job scheduler keeps one next run in Redis whatever the number of
 * workers, and every message they write carries a dedupe key naming its week or day, so a
 * replayed or doubled run sends nothing twice.
 */
export function startReportWorker(deps: {
  connection: Redis;
  queuePrefix: string;
  logger: Logger;
  weeklyReport: () => Promise<unknown>;
  dailyDigest: () => Promise<unknown>;
}): Worker {
  const worker = new Worker(
    QUEUE_NAMES.report,
    async (job: Job) => {
      if (job.name === 'weekly-report') {
        JOBS['weekly-report'].payload.parse(job.data);
        const result = await deps.weeklyReport();
        deps.logger.info({ result }, 'weekly report run');
        return result;
      }
      if (job.name === 'daily-digest') {
        JOBS['daily-digest'].payload.parse(job.data);
        const result = await deps.dailyDigest();
        deps.logger.info({ result }, 'daily digest run');
        return result;
      }
      throw new Error(`unknown job ${job.name} on the report queue`);
    },
    {
      connection: deps.connection,
      prefix: bullPrefix(deps.queuePrefix),
      ...FINISHED_JOB_RETENTION,
      concurrency: 1,
    },
  );
  worker.on('error', (err) => deps.logger.error({ err: err.message }, 'report worker error'));
  return worker;
}
