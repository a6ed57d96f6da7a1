import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type FirePingDeps, firePing } from '../../../application/scheduling/fire-ping.usecase.js';
import { pingIdTarget } from '../../../domain/escalation/ping-plan.policy.js';
import { FINISHED_JOB_RETENTION, JOBS } from '../job-catalog.js';
import { classifyJobError } from '../job-errors.js';
import { jobLockOptions } from '../job-locks.js';
import { bullPrefix, QUEUE_NAMES } from '../queue-names.js';

/** The ping a job fires: its id is the ping id, which names the node. */
function pingOfJob(jobId: string | undefined): { pingId: string; nodeId: string } {
  const target = jobId ? pingIdTarget(jobId) : null;
  if (!jobId || !target) throw new UnrecoverableError(`not a ping id: ${jobId}`);
  return { pingId: jobId, nodeId: target.nodeId };
}

/** The schedule queue's processor: fires reminders and escalation steps at their moments. */
export function startScheduleWorker(
  deps: FirePingDeps & {
    connection: Redis;
    queuePrefix: string;
    jobLockMs: number;
    logger: Logger;
    onFired: () => void;
  },
): Worker {
  const process = async (job: Job) => {
    try {
      if (job.name !== 'ping') throw new Error(`unknown job ${job.name} on the schedule queue`);
      const payload = JOBS.ping.payload.parse(job.data);
      const { pingId, nodeId } = payload.version === 1 ? payload : pingOfJob(job.id);
      const outcome = await firePing(deps, { pingId, nodeId });
      if (outcome === 'fired') deps.onFired();
      deps.logger.debug({ pingId, outcome }, 'ping processed');
      return outcome;
    } catch (err) {
      throw classifyJobError(err);
    }
  };
  const worker = new Worker(QUEUE_NAMES.schedule, process, {
    connection: deps.connection,
    prefix: bullPrefix(deps.queuePrefix),
    ...FINISHED_JOB_RETENTION,
    concurrency: 4,
    ...jobLockOptions(deps.jobLockMs),
  });
  worker.on('failed', (job, err) =>
    deps.logger.warn({ job: job?.id, err: err.message }, 'ping job failed'),
  );
  worker.on('error', (err) => deps.logger.error({ err: err.message }, 'schedule worker error'));
  return worker;
}
