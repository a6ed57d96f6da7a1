import { boolean, index, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns.helpers.js';
import { tenants } from './tenants.table.js';

/** Where a directory row came from; the org file overrides chat settings, which override platform data. */
export const DIRECTORY_SOURCES = ['org-file', 'chat', 'wecom', 'dingtalk'] as const;

type DirectorySource = (typeof DIRECTORY_SOURCES)[number];

/** Which source set each field of a row (`{ "liaisonId": "chat" }`); the console shows it. */
const fieldSources = () =>
  jsonb('field_sources').$type<Record<string, DirectorySource>>().notNull().default({});

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
    parentId: text('parent_id'),
    /** The platforms' own department ids, once a sync has seen the department. */
    wecomDeptId: text('wecom_dept_id'),
    dingtalkDeptId: text('dingtalk_dept_id'),
    /** Who created the row; only that source deactivates it. */
    source: text('source', { enum: DIRECTORY_SOURCES }).notNull(),
    fieldSources: fieldSources(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Platforms allow two departments of one name in different branches.
    index().on(t.tenantId, t.name),
    unique().on(t.tenantId, t.wecomDeptId),
    unique().on(t.tenantId, t.dingtalkDeptId),
  ],
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
    /** Who created the row; only that source deactivates it. */
    source: text('source', { enum: DIRECTORY_SOURCES }).notNull(),
    fieldSources: fieldSources(),
    active: boolean('active').notNull().default(true),
    /** When a sync or import found them gone (left the company). */
    deactivatedAt: instant('deactivated_at'),
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

export const SYNC_STATUSES = ['running', 'succeeded', 'failed'] as const;

/** One directory sync from a platform's contacts: when, what it changed, or why it failed. */
export const directorySyncs = pgTable(
  'directory_syncs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: ['wecom', 'dingtalk'] }).notNull(),
    trigger: text('trigger').notNull(),
    status: text('status', { enum: SYNC_STATUSES }).notNull(),
    /** Counts of what the sync changed (joined, moved, left, renamed...). */
    summary: jsonb('summary').notNull().default({}),
    error: text('error'),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index().on(t.tenantId, t.startedAt)],
);
