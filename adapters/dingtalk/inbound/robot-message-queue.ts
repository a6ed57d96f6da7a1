import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { processAfterAck } from './after-ack.js';
import type { DingTalkInbound } from './dingtalk-inbound.js';

/** About nine hours of exponential retries: a database outage is waited out, not dropped. */
const ATTEMPTS = 15;
const FIRST_RETRY_MS = 1_000;
/** Finished jobs stay a day, so a message DingTalk sends again keeps its taken job id. */
const RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Takes robot messages that are already acknowledged to DingTalk, which will not send them again. */
export interface RobotMessageQueue {
  /** Resolves once the message is kept in Redis (or, Redis refusing, being processed); never rejects. */
  take(raw: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * Acknowledged robot messages wait in a BullMQ queue rather than in memory, so a process that
 * dies, or a database away for longer than a few seconds, loses none of them: a job is retried
 * with backoff, and whichever receiving process runs next takes what is left. The job id is the
 * DingTalk msgId, and the engine de-duplicates as well. Should Redis refuse the message too, it
 * is processed here and now, with the short in-memory retries.
 */
export function createRobotMessageQueue(deps: {
  connection: Redis;
  /** The deployment's BullMQ prefix (with its hash tag), and the queue's name in it. */
  prefix: string;
  queueName: string;
  inbound: DingTalkInbound;
  logger: Logger;
}): RobotMessageQueue {
  const queue = new Queue(deps.queueName, { connection: deps.connection, prefix: deps.prefix });
  const worker = new Worker(deps.queueName, (job) => deps.inbound.robotMessage(job.data.raw), {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: 4,
    ...RETENTION,
  });
  worker.on('failed', (job, err) =>
    deps.logger.warn(
      { err: err.message, attempts: job?.attemptsMade, jobId: job?.id },
      'DingTalk robot message failed; it waits in the queue for another try',
    ),
  );
  worker.on('error', (err) => deps.logger.warn({ err: err.message }, 'DingTalk message worker'));
  return {
    async take(raw) {
      try {
        await queue.add(
          'robot-message',
          { raw },
          {
            jobId: jobIdOf(raw),
            attempts: ATTEMPTS,
            backoff: { type: 'exponential', delay: FIRST_RETRY_MS },
          },
        );
      } catch (err) {
        deps.logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'could not queue a DingTalk robot message; processing it at once',
        );
        void processAfterAck(() => deps.inbound.robotMessage(raw), deps.logger, 'robot message');
      }
    },
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}

/** `msg-<msgId>`; BullMQ refuses ':' in ids. Without a msgId, BullMQ picks one. */
function jobIdOf(raw: unknown): string | undefined {
  const msgId = (raw as { msgId?: unknown } | null)?.msgId;
  return typeof msgId === 'string' && msgId !== ''
    ? `msg-${msgId.replaceAll(':', '_')}`
    : undefined;
}
