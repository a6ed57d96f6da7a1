import { createHash } from 'node:crypto';
import { DelayedError, type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  type DeliverDeps,
  deliverMessage,
} from '../../../application/delivery/deliver-message.usecase.js';
import { buildDigestMessage } from '../../../application/delivery/digest-message.js';
import type { Platform } from '../../../domain/org/org.types.js';
import { ChatPlatformError, type MessageTarget } from '../../../ports/chat-platform.port.js';
import { targetKey } from '../../db/repositories/delivery-store.drizzle.js';
import { FINISHED_JOB_RETENTION, JOBS } from '../job-catalog.js';
import { classifyJobError } from '../job-errors.js';
import { jobId } from '../job-ids.js';
import { jobLockOptions } from '../job-locks.js';
import { bullPrefix, QUEUE_NAMES } from '../queue-names.js';
import type { Queues } from '../queues.js';

export interface DeliveryWorkerDeps extends Omit<DeliverDeps, 'scheduleDigest'> {
  readonly queues: Queues;
  readonly connection: Redis;
  readonly queuePrefix: string;
  readonly logger: Logger;
  /** Called after a digest was written, so the outbox relay moves it without waiting. */
  readonly onDigestWritten: () => void;
  readonly concurrency?: number;
  readonly jobLockMs: number;
}

/** How long to wait on a rate limit that did not say how long. */
const RATE_LIMITED_WAIT_MS = 30_000;

/** One digest job per chat and budget window: its id names both. */
export function digestJobId(platform: Platform, target: MessageTarget, runAt: number): string {
  const key = targetKey(target);
  const hash = createHash('sha1').update(`${key.kind}/${key.id}`).digest('hex').slice(0, 16);
  return jobId('digest', platform, hash, Math.ceil(runAt / 1000));
}

/** The delivery queue's processor: `deliver` sends one delivery, `digest` merges a chat's deferred ones. */
export function startDeliveryWorker(deps: DeliveryWorkerDeps): Worker {
  const scheduleDigest = async (platform: Platform, target: MessageTarget, delayMs: number) => {
    const runAt = Date.now() + delayMs;
    await deps.queues.add(
      'digest',
      { version: 1, platform, target },
      { jobId: digestJobId(platform, target, runAt), delayMs },
    );
  };
  const process = async (job: Job, token?: string) => {
    try {
      switch (job.name) {
        case 'deliver': {
          const { deliveryId } = JOBS.deliver.payload.parse(job.data);
          const outcome = await deliverMessage({ ...deps, scheduleDigest, deliveryId });
          deps.logger.debug({ deliveryId, outcome }, 'delivery processed');
          return outcome;
        }
        case 'digest': {
          const { platform, target } = JOBS.digest.payload.parse(job.data);
          const digestId = await deps.deliveries.mergeDeferredIntoDigest(
            platform,
            target,
            buildDigestMessage,
          );
          if (digestId !== null) deps.onDigestWritten();
          return digestId;
        }
        default:
          throw new Error(`unknown job ${job.name} on the delivery queue`);
      }
    } catch (err) {
      // A platform's rate limit is not a failure of the message: wait as long as it asks and
      // try again without spending one of the job's attempts, however long the throttle lasts.
      if (err instanceof ChatPlatformError && err.kind === 'rate-limited' && token) {
        const waitMs = err.options.retryAfterMs ?? RATE_LIMITED_WAIT_MS;
        await job.moveToDelayed(Date.now() + waitMs, token);
        deps.logger.info({ job: job.id, waitMs, err: err.message }, 'platform rate limit: waiting');
        throw new DelayedError();
      }
      throw classifyJobError(err);
    }
  };
  const worker = new Worker(QUEUE_NAMES.delivery, process, {
    connection: deps.connection,
    prefix: bullPrefix(deps.queuePrefix),
    ...FINISHED_JOB_RETENTION,
    concurrency: deps.concurrency ?? 8,
    ...jobLockOptions(deps.jobLockMs),
  });
  worker.on('failed', (job, err) =>
    deps.logger.warn(
      { job: job?.id, attempts: job?.attemptsMade, err: err.message },
      'delivery job failed',
    ),
  );
  worker.on('error', (err) => deps.logger.error({ err: err.message }, 'delivery worker error'));
  return worker;
}
