/**
 * BullMQ queue names. WARNING: these are persisted in Redis keys; renaming one orphans the jobs
 * waiting in it (reconciliation recreates pings, but pending deliveries wait for the outbox sweep).
 */
export const QUEUE_NAMES = {
  /** Outbound messages: one job per delivery row, and per-chat digests. */
  delivery: 'delivery',
  /** Delayed pings: reminders and escalation steps at their planned moments. */
  schedule: 'schedule',
  /** Repeatable housekeeping: reconciliation, the daily digest. */
  maintenance: 'maintenance',
  /** Repeatable jobs on the org's clock: the weekly report and the personal daily digest. */
  report: 'report',
  /** Inbound events no platform sends again, held while PostgreSQL cannot take them. */
  inboundHeld: 'inbound-held',
  /** DingTalk robot messages already acknowledged to DingTalk, waiting for the engine. */
  dingtalkMessages: 'dingtalk-messages',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * The BullMQ key prefix. The braces are a Redis Cluster hash tag: every key of every queue of
 * one deployment hashes to one slot, which BullMQ's multi-key scripts need.
 */
export function bullPrefix(queuePrefix: string): string {
  return `{${queuePrefix}}`;
}
