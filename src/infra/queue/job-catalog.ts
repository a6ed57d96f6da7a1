import { z } from 'zod';
import { inboxEventSchema } from '../inbox/inbox-event.schema.js';
import { QUEUE_NAMES, type QueueName } from './queue-names.js';

const platform = z.enum(['wecom', 'dingtalk', 'sim']);
const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chat'), chatId: z.string() }),
  z.object({ kind: z.literal('person'), platformUserId: z.string() }),
]);

interface JobDefinition<S extends z.ZodType> {
  readonly queue: QueueName;
  readonly payload: S;
  readonly attempts: number;
  /** Exponential backoff base; BullMQ doubles it per attempt. */
  readonly backoffMs: number;
}

function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/**
 * Every job Baton runs. Payloads carry ids and a version only: workers reload state from
 * Postgres, so a job never acts on a stale copy.
 */
export const JOBS = {
  /** Send one recorded delivery. Retries network errors and 5xx: 8 tries over about 10 minutes. */
  deliver: defineJob({
    queue: QUEUE_NAMES.delivery,
    payload: z.object({ version: z.literal(1), deliveryId: z.number().int().positive() }),
    attempts: 8,
    backoffMs: 2_000,
  }),
  /** Merge a chat's deferred deliveries into one digest once its budget has room. */
  digest: defineJob({
    queue: QUEUE_NAMES.delivery,
    payload: z.object({ version: z.literal(1), platform, target }),
    attempts: 5,
    backoffMs: 5_000,
  }),
  /**
   * Fire one planned ping (reminder or escalation step) at its moment. The handler claims the
   * ping in Postgres first, so replays and reconciliation never fire it twice. The job id is the
   * ping id, which names the node and deadline version: version 2 carries nothing else, so a
   * scheduled ping's Redis hash stays small; version 1 (jobs scheduled before) carried them.
   */
  ping: defineJob({
    queue: QUEUE_NAMES.schedule,
    payload: z.union([
      z.object({ version: z.literal(2) }),
      z.object({
        version: z.literal(1),
        pingId: z.string(),
        nodeId: z.string(),
        deadlineVersion: z.number().int().nonnegative(),
        at: z.iso.datetime(),
      }),
    ]),
    attempts: 10,
    backoffMs: 1_000,
  }),
  /**
   * Put an inbound event into the PostgreSQL inbox. Only for events the platform will not send
   * again (the WeCom long connection) that arrived while PostgreSQL was away: about nine hours
   * of retries wait out an outage.
   */
  'hold-inbound': defineJob({
    queue: QUEUE_NAMES.inboundHeld,
    payload: z.object({ version: z.literal(1), event: inboxEventSchema }),
    attempts: 15,
    backoffMs: 1_000,
  }),
  /** Compare the schedule in Redis with the open nodes in Postgres and repair it. */
  reconcile: defineJob({
    queue: QUEUE_NAMES.maintenance,
    payload: z.object({ version: z.literal(1) }),
    attempts: 3,
    backoffMs: 10_000,
  }),
  /** Sync the directory from the platforms' contacts. */
  'directory-sync': defineJob({
    queue: QUEUE_NAMES.maintenance,
    payload: z.object({ version: z.literal(1), trigger: z.string() }),
    attempts: 3,
    backoffMs: 60_000,
  }),
  /** Post last week's report to each coordination chat (on the first working day of a week). */
  'weekly-report': defineJob({
    queue: QUEUE_NAMES.report,
    payload: z.object({ version: z.literal(1) }),
    attempts: 5,
    backoffMs: 30_000,
  }),
  /** Send each person with open nodes their daily digest (on working days). */
  'daily-digest': defineJob({
    queue: QUEUE_NAMES.report,
    payload: z.object({ version: z.literal(1) }),
    attempts: 5,
    backoffMs: 30_000,
  }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/**
 * How long every worker keeps finished jobs: a day, so their ids stay taken (no replays). Set on
 * the workers rather than on each job, so a scheduled ping's Redis hash does not carry it.
 */
export const FINISHED_JOB_RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
