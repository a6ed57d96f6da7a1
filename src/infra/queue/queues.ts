import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS, JOBS, type JobName, type JobPayload } from './job-catalog.js';
import { bullPrefix, QUEUE_NAMES, type QueueName } from './queue-names.js';

/** The BullMQ queues of one deployment, with typed, validated `add`. */
export interface Queues {
  add<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: { jobId: string; delayMs?: number },
  ): Promise<void>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, queuePrefix: string): Queues {
  const prefix = bullPrefix(queuePrefix);
  const queues = new Map<QueueName, Queue>(
    Object.values(QUEUE_NAMES).map((name) => [name, new Queue(name, { connection, prefix })]),
  );
  const queue = (name: QueueName) => {
    const q = queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  };
  return {
    async add(name, payload, options) {
      const job = JOBS[name];
      await queue(job.queue).add(name, job.payload.parse(payload), {
        ...DEFAULT_JOB_OPTIONS,
        jobId: options.jobId,
        delay: options.delayMs,
        attempts: job.attempts,
        backoff: { type: 'exponential', delay: job.backoffMs },
      });
    },
    queue,
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
