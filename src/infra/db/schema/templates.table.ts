import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.helpers.js';
import { tenants } from './tenants.table.js';

/** SOP templates (流程) as validated definitions; built-in ones and the organisation's own. */
export const templates = pgTable(
  'templates',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default([]),
    definition: jsonb('definition').notNull(),
    source: text('source', { enum: ['built-in', 'org-file'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
