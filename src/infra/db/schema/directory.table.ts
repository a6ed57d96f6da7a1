import { boolean, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.helpers.js';
import { tenants } from './tenants.table.js';

/** Where a directory row came from; the org file overrides chat settings, which override platform data. */
export const DIRECTORY_SOURCES = ['org-file', 'chat', 'wecom', 'dingtalk'] as const;

export const departments = pgTable(
  'departments',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    liaisonId: text('liaison_id'),
    leaderId: text('leader_id'),
    source: text('source', { enum: DIRECTORY_SOURCES }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique().on(t.tenantId, t.name)],
);

export const people = pgTable(
  'people',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    departmentId: text('department_id'),
    wecomUserId: text('wecom_user_id'),
    dingtalkUserId: text('dingtalk_user_id'),
    source: text('source', { enum: DIRECTORY_SOURCES }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique().on(t.tenantId, t.wecomUserId),
    unique().on(t.tenantId, t.dingtalkUserId),
    index().on(t.tenantId, t.name),
  ],
);

export const ORG_ROLES = ['coordinator', 'leadership', 'admin'] as const;

/** Organisation-wide roles: coordinators (协调人), leadership (高层) and Baton admins. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    source: text('source', { enum: DIRECTORY_SOURCES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId, t.role] })],
);
