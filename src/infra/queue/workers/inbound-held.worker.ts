import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InboundEvent } from '../../../ports/inbound-event.types.js';
import { FINISHED_JOB_RETENTION, JOBS } from '../job-catalog.js';
import { classifyJobError } from '../job-errors.js';
import { bullPrefix, QUEUE_NAMES } from '../queue-names.js';

/**
 * Moves events held in Redis during a PostgreSQL outage into the inbox, one at a time in the
 * order they came (the inbox then runs each conversation's events in order). A job fails while
 * PostgreSQL is still away and is retried with backoff; the inbox refuses an event it already
 * has or has handled, so a job run twice adds nothing.
 */
export function startInboundHeldWorker(deps: {
  connection: Redis;
  queuePrefix: string;
  accept: (event: InboundEvent) => Promise<unknown>;
  logger: Logger;
}): Worker {
  const worker = new Worker(
    QUEUE_NAMES.inboundHeld,
    async (job) => {
      try {
        const { event } = JOBS['hold-inbound'].payload.parse(job.data);
        await deps.accept(event);
      } catch (err) {
        throw classifyJobError(err);
      }
    },
    {
      connection: deps.connection,
      prefix: bullPrefix(deps.queuePrefix),
      ...FINISHED_JOB_RETENTION,
      concurrency: 1,
    },
  );
  worker.on('failed', (job, err) =>
    deps.logger.warn(
      { job: job?.id, attempts: job?.attemptsMade, err: err.message },
      'a held inbound event could not go into the inbox yet',
    ),
  );
  worker.on('error', (err) => deps.logger.error({ err: err.message }, 'held inbound worker error'));
  return worker;
}
