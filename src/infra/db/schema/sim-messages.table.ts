import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.helpers.js';

/**
 * The chat simulator's transcript: what people typed and what Baton answered, per simulated
 * chat (`<chatId>` for groups, `user:<personId>` for private chats).
 */
export const simMessages = pgTable(
  'sim_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversation: text('conversation').notNull(),
    /** `in`: typed by a person; `out`: sent by Baton. */
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    senderId: text('sender_id'),
    /** The neutral message (text, markdown or card) exactly as the engine sent it. */
    body: jsonb('body').notNull(),
    /** The delivery an `out` entry was sent for: a retried send finds it instead of a repeat. */
    deliveryKey: text('delivery_key').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.conversation, t.id)],
);
