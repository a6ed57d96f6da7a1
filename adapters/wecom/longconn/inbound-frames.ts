import { z } from 'zod';
import type { InboundCardAction, InboundMessage } from '../../../src/ports/inbound-event.types.js';
import { stripLeadingMention } from '../callback/mention.js';

const from = z.object({ userid: z.string().min(1) });

const textCallback = z.object({
  msgid: z.string().min(1),
  chatid: z.string().min(1).optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from,
  msgtype: z.literal('text'),
  text: z.object({ content: z.string() }),
});

const clickFields = z.object({
  event_key: z.string().min(1),
  task_id: z.string().min(1),
});

const cardEventCallback = z.object({
  msgid: z.string().min(1),
  chatid: z.string().min(1).optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from,
  event: z.looseObject({ eventtype: z.literal('template_card_event') }),
});

/** A button's key, read back into the neutral action it was rendered from. */
export type ButtonKeyDecoder = (
  key: string,
) => { readonly actionId: string; readonly value: Readonly<Record<string, string>> } | null;

function chatOf(body: { chatid?: string | undefined; from: { userid: string } }) {
  return body.chatid
    ? { chatId: body.chatid, isGroup: true }
    : { chatId: body.from.userid, isGroup: false };
}

/** An `aibot_msg_callback` text body as a neutral message; null when it is not one. */
export function toInboundMessage(body: unknown, receivedAt: Date): InboundMessage | null {
  const parsed = textCallback.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const chat = chatOf(b);
  return {
    type: 'message',
    platform: 'wecom',
    tenantKey: null,
    messageId: b.msgid,
    chat,
    sender: { platformUserId: b.from.userid, displayName: null },
    text: chat.isGroup ? stripLeadingMention(b.text.content) : b.text.content.trim(),
    mentions: [],
    receivedAt,
    replyHandle: null,
  };
}

/**
 * An `aibot_event_callback` card click as a neutral action; null when it is not one or its
 * button is not Baton's. The documented body nests the click under
 * `event.template_card_event`; the SDK's types put its fields on `event` itself: both are read.
 */
export function toInboundCardAction(
  body: unknown,
  receivedAt: Date,
  decodeKey: ButtonKeyDecoder,
): InboundCardAction | null {
  const parsed = cardEventCallback.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const nested = clickFields.safeParse(b.event.template_card_event);
  const click = nested.success ? nested.data : clickFields.safeParse(b.event).data;
  if (!click) return null;
  const action = decodeKey(click.event_key);
  if (!action) return null;
  return {
    type: 'card-action',
    platform: 'wecom',
    tenantKey: null,
    eventId: b.msgid,
    chat: chatOf(b),
    user: { platformUserId: b.from.userid, displayName: null },
    cardRef: click.task_id,
    actionId: action.actionId,
    value: action.value,
    receivedAt,
    replyHandle: null,
  };
}
