import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayload } from './job-catalog.js';
import { bullPrefix, QUEUE_NAMES, type QueueName } from './queue-names.js';

/**
 * The BullMQ queues of one deployment, with typed, validated `add`.
 *
 * BullMQ ignores an add whose job id is taken, also by a finished job (kept a day). With
 * `replaceFinished`, a completed or failed job of that id is removed first, so the job runs
 * again: for callers that know from PostgreSQL the work is still undone (an unfired ping whose
 * job was given up after its workers died, a delivery still waiting), where a taken id would
 * otherwise block it for good.
 */
export interface Queues {
  add<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: { jobId: string; delayMs?: number; replaceFinished?: boolean },
  ): Promise<void>;
  /** Adds several jobs of one kind in one round trip (a node's pings). */
  addBulk<N extends JobName>(
    name: N,
    jobs: readonly { payload: JobPayload<N>; jobId: string; delayMs?: number }[],
    options?: { replaceFinished?: boolean },
  ): Promise<void>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

/**
 * Each queue's event stream keeps its last events only: Baton reads none of them (no
 * QueueEvents), and BullMQ's default of 10,000 is about 100 bytes per ping at 10,000 scheduled.
 */
const EVENTS_KEPT = 500;

export function createQueues(connection: Redis, queuePrefix: string): Queues {
  const prefix = bullPrefix(queuePrefix);
  const streams = { events: { maxLen: EVENTS_KEPT } };
  const queues = new Map<QueueName, Queue>(
    Object.values(QUEUE_NAMES).map((name) => [
      name,
      new Queue(name, { connection, prefix, streams }),
    ]),
  );
  const queue = (name: QueueName) => {
    const q = queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  };
  return {
    async add(name, payload, options) {
      const job = JOBS[name];
      if (options.replaceFinished)
        await removeFinished(connection, queue(job.queue), [options.jobId]);
      await queue(job.queue).add(name, job.payload.parse(payload), jobOptions(name, options));
    },
    async addBulk(name, jobs, options) {
      if (jobs.length === 0) return;
      if (options?.replaceFinished)
        await removeFinished(
          connection,
          queue(JOBS[name].queue),
          jobs.map((j) => j.jobId),
        );
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

/** Removes the jobs among `ids` that are completed or failed: two reads, then one remove each. */
async function removeFinished(
  connection: Redis,
  queue: Queue,
  ids: readonly string[],
): Promise<void> {
  const [completed, failed] = await Promise.all([
    connection.zmscore(queue.keys.completed as string, ...ids),
    connection.zmscore(queue.keys.failed as string, ...ids),
  ]);
  const finished = ids.filter((_, i) => completed[i] !== null || failed[i] !== null);
  for (const id of finished) await queue.remove(id);
}
