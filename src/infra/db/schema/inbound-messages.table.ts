import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { PLATFORMS } from './chats.table.js';
import { createdAt } from './columns.helpers.js';

/** Platform message ids already handled: platforms redeliver, Baton acts once. */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    messageId: text('message_id').notNull(),
    receivedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.messageId] })],
);
