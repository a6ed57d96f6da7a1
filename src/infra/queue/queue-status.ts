import { count, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { countInbox, type InboxCounts } from '../db/queries/inbox-counts.js';
import { deliveries, outbox } from '../db/schema/index.js';
import { QUEUE_NAMES, type QueueName } from './queue-names.js';
import type { Queues } from './queues.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

export interface QueueStatus {
  readonly queues: readonly {
    readonly name: QueueName;
    readonly counts: Readonly<Record<(typeof JOB_STATES)[number], number>>;
    /** The most recent failures, newest first. */
    readonly recentFailures: readonly { id: string; name: string; reason: string; at: Date }[];
  }[];
  /** Outbox rows written but not yet moved to Redis. */
  readonly outboxWaiting: number;
  readonly inbox: InboxCounts;
  readonly deliveriesByStatus: Readonly<Record<string, number>>;
}

/** What an operator asks first: is anything stuck or failing, between PostgreSQL and the queues. */
export async function readQueueStatus(
  queues: Queues,
  db: Db,
  failuresShown = 5,
): Promise<QueueStatus> {
  const perQueue = await Promise.all(
    Object.values(QUEUE_NAMES).map(async (name) => {
      const queue = queues.queue(name);
      const counts = await queue.getJobCounts(...JOB_STATES);
      const failed = await queue.getFailed(0, failuresShown - 1);
      return {
        name,
        counts: Object.fromEntries(JOB_STATES.map((s) => [s, counts[s] ?? 0])) as Record<
          (typeof JOB_STATES)[number],
          number
        >,
        recentFailures: failed.map((job) => ({
          id: job.id ?? '',
          name: job.name,
          reason: job.failedReason,
          at: new Date(job.finishedOn ?? job.timestamp),
        })),
      };
    }),
  );
  const [waiting] = await db.select({ n: count() }).from(outbox).where(isNull(outbox.relayedAt));
  const inbox = await countInbox(db);
  const statuses = await db
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .groupBy(deliveries.status);
  return {
    queues: perQueue,
    outboxWaiting: waiting?.n ?? 0,
    inbox,
    deliveriesByStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
}

/** The status as plain text for a terminal. */
export function formatQueueStatus(status: QueueStatus): string {
  const header = ['queue', ...JOB_STATES];
  const rows = status.queues.map((q) => [q.name, ...JOB_STATES.map((s) => String(q.counts[s]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  const deliveriesLine = Object.entries(status.deliveriesByStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  const failures = status.queues.flatMap((q) =>
    q.recentFailures.map(
      (f) => `  ${q.name} ${f.name} ${f.id} at ${f.at.toISOString()}: ${f.reason.slice(0, 200)}`,
    ),
  );
  return [
    line(header),
    ...rows.map(line),
    '',
    `inbound events waiting for the engine: ${status.inbox.waiting}` +
      (status.inbox.failed > 0
        ? ` (${status.inbox.failed} set aside after failing every run: see docs/RELIABILITY.md)`
        : ''),
    `outbox rows waiting for Redis: ${status.outboxWaiting}`,
    `deliveries: ${deliveriesLine || 'none'}`,
    ...(failures.length > 0 ? ['', 'recent failures:', ...failures] : []),
  ].join('\n');
}
