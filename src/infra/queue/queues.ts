import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayload } from './job-catalog.js';
import { bullPrefix, QUEUE_NAMES, type QueueName } from './queue-names.js';

/** The BullMQ queues of one deployment, with typed, validated `add`. */
export interface Queues {
  add<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: { jobId: string; delayMs?: number },
  ): Promise<void>;
  /** Adds several jobs of one kind in one round trip (a node's pings). */
  addBulk<N extends JobName>(
    name: N,
    jobs: readonly { payload: JobPayload<N>; jobId: string; delayMs?: number }[],
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
      await queue(job.queue).add(name, job.payload.parse(payload), jobOptions(name, options));
    },
    async addBulk(name, jobs) {
      if (jobs.length === 0) return;
      await queue(JOBS[name].queue).addBulk(
        jobs.map((j) => ({
          name,
          data: JOBS[name].payload.parse(j.payload),
          opts: jobOptions(name, j),
        })),
      );
    },
    queue,
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

function jobOptions(name: JobName, options: { jobId: string; delayMs?: number | undefined }) {
  const job = JOBS[name];
  return {
    jobId: options.jobId,
    delay: options.delayMs,
    attempts: job.attempts,
    backoff: { type: 'exponential' as const, delay: job.backoffMs },
  };
}
