import type { Org } from '../../../src/domain/org/org.types.js';
import type { InboundMessage, PlatformUser } from '../../../src/ports/inbound-event.types.js';
import { resolveMentions } from './mention-resolver.js';
import type { RobotMessage } from './robot-message.schema.js';

export const SESSION_WEBHOOK_HANDLE = 'dingtalk-session-webhook';

/** The words of a robot message: plain text, or the text parts of a rich-text message. */
export function messageText(message: RobotMessage): string | null {
  if (message.msgtype === 'text') return message.text?.content ?? null;
  if (message.msgtype === 'richText') {
    const parts = message.content?.richText ?? [];
    return parts.map((p) => p.text ?? '').join('');
  }
  return null;
}

/**
 * A robot message as the engine's neutral inbound message. The robot's own mention is already
 * gone from the text; the space it leaves is trimmed, and other mentions are settled against the
 * org (see resolveMentions). Null for messages with no words (pictures, files).
 */
export function toInboundMessage(
  message: RobotMessage,
  org: Pick<Org, 'people' | 'departments'>,
  receivedAt: Date,
): InboundMessage | null {
  const raw = messageText(message);
  if (raw === null) return null;
  const isGroup = message.conversationType === '2';
  const mentions: PlatformUser[] = message.atUsers
    .filter((u) => u.dingtalkId !== message.chatbotUserId && u.staffId)
    .map((u) => ({ platformUserId: u.staffId as string, displayName: null }));
  return {
    type: 'message',
    platform: 'dingtalk',
    tenantKey: message.senderCorpId ?? message.chatbotCorpId ?? null,
    messageId: message.msgId,
    chat: { chatId: message.conversationId, isGroup },
    sender: {
      // People outside the organisation have no staff id; the engine then says it does not know them.
      platformUserId: message.senderStaffId || `external:${message.conversationId}`,
      displayName: message.senderNick ?? null,
    },
    text: resolveMentions(raw.trim(), message.atUsers, org),
    mentions,
    receivedAt,
    replyHandle: message.sessionWebhook
      ? {
          kind: SESSION_WEBHOOK_HANDLE,
          value: message.sessionWebhook,
          expiresAt: message.sessionWebhookExpiredTime
            ? new Date(message.sessionWebhookExpiredTime)
            : null,
        }
      : null,
  };
}
