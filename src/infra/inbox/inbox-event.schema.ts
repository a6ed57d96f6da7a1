import { z } from 'zod';
import type { InboundEvent } from '../../ports/inbound-event.types.js';
import { PLATFORMS } from '../db/schema/chats.table.js';

const platformUser = z.object({
  platformUserId: z.string(),
  displayName: z.string().nullable(),
});
const replyHandle = z
  .object({ kind: z.string(), value: z.string(), expiresAt: z.coerce.date().nullable() })
  .nullable();
const common = {
  platform: z.enum(PLATFORMS),
  tenantKey: z.string().nullable(),
  receivedAt: z.coerce.date(),
  replyHandle,
};

/** An InboundEvent as the inbox stores it in JSON (dates as ISO text). */
export const inboxEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...common,
    type: z.literal('message'),
    messageId: z.string(),
    chat: z.object({ chatId: z.string(), isGroup: z.boolean() }),
    sender: platformUser,
    text: z.string(),
    mentions: z.array(platformUser).readonly(),
  }),
  z.object({
    ...common,
    type: z.literal('card-action'),
    eventId: z.string(),
    chat: z.object({ chatId: z.string(), isGroup: z.boolean() }).nullable(),
    user: platformUser,
    cardRef: z.string(),
    actionId: z.string(),
    value: z.record(z.string(), z.string()),
  }),
]);

/** Reads an inbox row's event back into the typed event it was. */
export function readInboxEvent(
  json: unknown,
): { success: true; data: InboundEvent } | { success: false } {
  return inboxEventSchema.safeParse(json);
}
