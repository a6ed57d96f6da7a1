import { createHash } from 'node:crypto';
import type { InboundCardAction, InboundMessage } from '../../../src/ports/inbound-event.types.js';
import { decodeButtonKey } from '../render/button-key.js';
import type { AppMessage } from './app-callback.schema.js';

/** A click's response_code is good for one update_template_card within 72 hours. */
const RESPONSE_CODE_TTL_MS = 72 * 3_600_000;

export type AppInbound =
  | { readonly kind: 'message'; readonly event: InboundMessage }
  | {
      readonly kind: 'card-action';
      readonly event: InboundCardAction;
      readonly taskId: string;
      readonly responseCode: string | null;
    }
  | { readonly kind: 'ignored' };

/**
 * A self-built app callback as an inbound event. Messages are de-duplicated by sender + MsgId
 * (MsgIds were seen to collide across users); events carry no MsgId, so by a digest of sender,
 * time and the event's fields.
 */
export function mapAppCallback(msg: AppMessage, corpId: string, receivedAt: Date): AppInbound {
  const user = { platformUserId: msg.FromUserName, displayName: null };
  const chat = { chatId: msg.FromUserName, isGroup: false };
  if (msg.MsgType === 'text' && msg.MsgId && msg.Content !== undefined) {
    return {
      kind: 'message',
      event: {
        type: 'message',
        platform: 'wecom',
        tenantKey: corpId,
        messageId: `app-${msg.FromUserName}-${msg.MsgId}`,
        chat,
        sender: user,
        text: msg.Content.trim(),
        mentions: [],
        receivedAt,
        replyHandle: null,
      },
    };
  }
  const isClick = msg.MsgType === 'event' && msg.Event === 'template_card_event';
  const action = isClick && msg.EventKey ? decodeButtonKey(msg.EventKey) : null;
  if (!action || !msg.TaskId) return { kind: 'ignored' };
  const responseCode = msg.ResponseCode || null;
  return {
    kind: 'card-action',
    taskId: msg.TaskId,
    responseCode,
    event: {
      type: 'card-action',
      platform: 'wecom',
      tenantKey: corpId,
      eventId: `app-evt-${eventDigest(msg)}`,
      chat,
      user,
      cardRef: msg.TaskId,
      actionId: action.actionId,
      value: action.value,
      receivedAt,
      replyHandle: responseCode
        ? {
            kind: 'wecom-response-code',
            value: responseCode,
            expiresAt: new Date(receivedAt.getTime() + RESPONSE_CODE_TTL_MS),
          }
        : null,
    },
  };
}

function eventDigest(msg: AppMessage): string {
  const fields = [
    msg.FromUserName,
    msg.CreateTime,
    msg.Event,
    msg.EventKey,
    msg.TaskId,
    msg.AgentID,
  ];
  return createHash('sha256').update(fields.join('\n')).digest('hex').slice(0, 32);
}
