import { boolean, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.helpers.js';
import { tenants } from './tenants.table.js';

/**
 * A person's own choices, kept apart from the directory (which the org file overwrites).
 * No row means the defaults: the personal daily digest is on.
 */
export const personSettings = pgTable(
  'person_settings',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    dailyDigest: boolean('daily_digest').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId] })],
);
