import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { PLATFORMS } from './chats.table.js';
import { createdAt, instant } from './columns.helpers.js';

/** `deferred`: the chat's budget was spent; the next digest for that chat carries it. */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'deferred',
  'merged',
  'failed',
  'dead',
] as const;

/**
 * Every outbound message, recorded before the platform is called, with its outcome. The unique
 * `dedupe_key` (ping id + recipient, inbound message id …) keeps retries from spamming people.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id').notNull(),
    taskId: text('task_id'),
    nodeId: text('node_id'),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    /** `chat` or `person`. */
    targetKind: text('target_kind', { enum: ['chat', 'person'] }).notNull(),
    targetId: text('target_id').notNull(),
    /** Why: `task-card`, `card-update`, `reply`, `reminder`, `escalation`, `digest`, `rating`. */
    purpose: text('purpose').notNull(),
    /** The neutral message (text, markdown or card), rendered by the adapter at send time. */
    message: jsonb('message').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When merged into a digest: the digest's delivery id. */
    mergedInto: bigint('merged_into', { mode: 'number' }),
    /** A worker's claim on a `sending` row; past it, the row may be claimed again. */
    leaseUntil: instant('lease_until'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('deliveries_waiting_idx')
      .on(t.platform, t.targetKind, t.targetId, t.id)
      .where(sql`${t.status} in ('pending', 'sending', 'deferred', 'failed')`),
    index().on(t.taskId),
  ],
);
