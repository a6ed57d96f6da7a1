import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { PLATFORMS } from './chats.table.js';
import { createdAt, instant } from './columns.helpers.js';

/**
 * Inbound events accepted but not yet run by the engine. A callback route answers the platform
 * once its event is committed here (many callbacks share one insert); workers claim the rows,
 * run them through the engine, and delete them. The engine still de-duplicates by
 * `inbound_messages`, so a row run twice after a crash acts once.
 */
export const inbox = pgTable(
  'inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    eventId: text('event_id').notNull(),
    /** The neutral InboundEvent as JSON (read back through inbox-event.schema.ts). */
    event: jsonb('event').notNull(),
    createdAt: createdAt(),
    /** A worker runs the row until then; afterwards any worker may claim it again. */
    claimedUntil: instant('claimed_until'),
    attempts: integer('attempts').notNull().default(0),
    /** Set after too many failed runs: kept for an operator, no longer claimed. */
    failedAt: instant('failed_at'),
  },
  (t) => [
    unique('inbox_platform_event_uq').on(t.platform, t.eventId),
    index('inbox_waiting_idx').on(t.id).where(sql`${t.failedAt} is null`),
  ],
);
