import { boolean, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.helpers.js';
import { DIRECTORY_SOURCES } from './directory.table.js';
import { tenants } from './tenants.table.js';

export const PLATFORMS = ['wecom', 'dingtalk', 'sim'] as const;

/** Group chats Baton knows; coordination chats receive escalations. */
export const chats = pgTable(
  'chats',
  {
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    chatId: text('chat_id').notNull(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name'),
    isCoordination: boolean('is_coordination').notNull().default(false),
    /** Group-robot webhook key (WeCom) or custom-robot token (DingTalk): a send-only channel. */
    webhookKey: text('webhook_key'),
    source: text('source', { enum: DIRECTORY_SOURCES }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);
