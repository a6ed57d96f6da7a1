import type { InboundCardAction, InboundMessage } from '../../../src/ports/inbound-event.types.js';
import { decodeButtonKey } from '../render/button-key.js';
import type { AibotCallback } from './aibot-callback.schema.js';
import { stripLeadingMention } from './mention.js';

/** How long an aibot `response_url` accepts its one answer. */
const RESPONSE_URL_TTL_MS = 3_600_000;

/** What an aibot callback means to Baton. */
export type AibotInbound =
  | { readonly kind: 'message'; readonly event: InboundMessage }
  | { readonly kind: 'card-action'; readonly event: InboundCardAction; readonly taskId: string }
  | { readonly kind: 'ignored' };

export function mapAibotCallback(body: AibotCallback, receivedAt: Date): AibotInbound {
  const isGroup = body.chattype === 'group' && Boolean(body.chatid);
  const chat = { chatId: isGroup && body.chatid ? body.chatid : body.from.userid, isGroup };
  const user = { platformUserId: body.from.userid, displayName: null };
  const replyHandle = body.response_url
    ? {
        kind: 'wecom-response-url',
        value: body.response_url,
        expiresAt: new Date(receivedAt.getTime() + RESPONSE_URL_TTL_MS),
      }
    : null;
  const tenantKey = body.from.corpid ?? null;
  const text = textOf(body);
  if (text !== null) {
    return {
      kind: 'message',
      event: {
        type: 'message',
        platform: 'wecom',
        tenantKey,
        messageId: body.msgid,
        chat,
        sender: user,
        text: stripLeadingMention(text),
        mentions: [],
        receivedAt,
        replyHandle,
      },
    };
  }
  const click =
    body.event?.eventtype === 'template_card_event' ? body.event.template_card_event : undefined;
  const action = click ? decodeButtonKey(click.event_key) : null;
  if (!click || !action) return { kind: 'ignored' };
  return {
    kind: 'card-action',
    taskId: click.task_id,
    event: {
      type: 'card-action',
      platform: 'wecom',
      tenantKey,
      eventId: body.msgid,
      chat,
      user,
      cardRef: click.task_id,
      actionId: action.actionId,
      value: action.value,
      receivedAt,
      replyHandle,
    },
  };
}

function textOf(body: AibotCallback): string | null {
  if (body.msgtype === 'text' && body.text) return body.text.content;
  if (body.msgtype === 'mixed' && body.mixed) {
    const parts = body.mixed.msg_item.flatMap((item) => (item.text ? [item.text.content] : []));
    return parts.length > 0 ? parts.join(' ') : null;
  }
  return null;
}
