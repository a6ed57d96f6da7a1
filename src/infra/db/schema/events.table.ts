import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.helpers.js';
import { tenants } from './tenants.table.js';

/**
 * The append-only audit trail (seed 000 FAQ 1): every state change, reminder, escalation and
 * message, with who did it and through which channel. KPIs are computed from it.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    taskId: text('task_id'),
    nodeId: text('node_id'),
    type: text('type').notNull(),
    /** Person id, or null for the system (scheduler, reconciliation). */
    actorId: text('actor_id'),
    /** `wecom`, `dingtalk`, `sim`, `console`, `cli`, `system`. */
    source: text('source').notNull(),
    data: jsonb('data').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.taskId, t.id),
    index().on(t.tenantId, t.createdAt),
    index().on(t.type, t.createdAt),
    /** KPIs read a node's history (activations, pauses, rework). */
    index().on(t.nodeId, t.type),
  ],
);
