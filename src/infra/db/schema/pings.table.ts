import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.helpers.js';

/**
 * Pings (reminders, escalation steps) that have fired. A scheduled job claims its ping by
 * inserting here first, so a ping fires once even when Redis replays or reconciliation re-adds it.
 */
export const firedPings = pgTable(
  'fired_pings',
  {
    /** The plan's deterministic id: `<kind>-<nodeId>-v<deadlineVersion>-<step>`. */
    id: text('id').primaryKey(),
    nodeId: text('node_id').notNull(),
    kind: text('kind').notNull(),
    level: integer('level').notNull(),
    dueAt: instant('due_at').notNull(),
    /** Fired more than a grace period after its moment (nothing ran then). */
    late: boolean('late').notNull().default(false),
    firedAt: createdAt(),
  },
  (t) => [index().on(t.nodeId)],
);
