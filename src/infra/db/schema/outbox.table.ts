import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.helpers.js';

/**
 * The transactional outbox: written in the same transaction as the state change it follows,
 * moved to BullMQ by the relay. If Redis is down the rows wait; `key` makes re-sends idempotent.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** What to enqueue: `deliver` (a delivery row), `plan-node` (re-plan a node's pings). */
    topic: text('topic').notNull(),
    /** Idempotency key; also the BullMQ job id. */
    key: text('key').notNull().unique(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    relayedAt: instant('relayed_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.relayedAt} is null`)],
);
