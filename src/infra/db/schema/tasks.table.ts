import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { PLATFORMS } from './chats.table.js';
import { createdAt, instant, updatedAt } from './columns.helpers.js';
import { tenants } from './tenants.table.js';

export const TASK_STATUSES = ['open', 'done', 'cancelled', 'rejected'] as const;

export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Short number per tenant, shown as `#12`. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    creatorId: text('creator_id').notNull(),
    originPlatform: text('origin_platform', { enum: PLATFORMS }).notNull(),
    originChatId: text('origin_chat_id').notNull(),
    priority: text('priority', { enum: ['normal', 'urgent'] })
      .notNull()
      .default('normal'),
    eventDate: date('event_date', { mode: 'string' }),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    templateKey: text('template_key'),
    onReject: text('on_reject', { enum: ['sendback', 'close'] })
      .notNull()
      .default('sendback'),
    /** A pending extension request (node, new deadline, reason), awaiting the creator. */
    pendingExtension: jsonb('pending_extension'),
    /** The last rejection (node, who, reason, when), shown on the card until the node is settled. */
    lastRejection: jsonb('last_rejection'),
    /** Optimistic-lock version: every write bumps it. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: instant('closed_at'),
  },
  (t) => [
    unique().on(t.tenantId, t.number),
    index('tasks_open_by_chat_idx')
      .on(t.originPlatform, t.originChatId)
      .where(sql`${t.status} = 'open'`),
    index().on(t.tenantId, t.status, t.createdAt),
  ],
);

/** Hands out per-tenant task numbers without gaps from concurrent creation. */
export const taskCounters = pgTable('task_counters', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull().default(0),
});

/** Followers (抄送) who see a task's card and outcome but own nothing. */
export const taskFollowers = pgTable(
  'task_followers',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.personId] })],
);
