import { bigserial, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { PLATFORMS } from './chats.table.js';
import { createdAt, instant, updatedAt } from './columns.helpers.js';
import { tasks } from './tasks.table.js';

/**
 * Where a task's card was posted, with what each platform needs to update it in place
 * (WeCom `response_code`, valid once and for 72 h; DingTalk `outTrackId`).
 */
export const cardRefs = pgTable(
  'card_refs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    /** Group chat id, or `user:<id>` for a private card. */
    target: text('target').notNull(),
    messageId: text('message_id'),
    responseCode: text('response_code'),
    responseCodeExpiresAt: instant('response_code_expires_at'),
    outTrackId: text('out_track_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.platform, t.target, t.taskId), index().on(t.outTrackId)],
);
