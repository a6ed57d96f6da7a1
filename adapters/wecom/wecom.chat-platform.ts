import { randomBytes } from 'node:crypto';
import type { Card } from '../../cards/card.types.js';
import {
  type ChatPlatform,
  ChatPlatformError,
  type MessageTarget,
  type OutboundMessage,
  type SentMessage,
} from '../../src/ports/chat-platform.port.js';
import type { TemplateCardRenderer } from './longconn/bot-session.js';
import { type CardStates, cardDigest } from './longconn/card-states.js';
import { renderWecomMarkdown } from './render/markdown.render.js';
import { wecomTaskId } from './render/task-id.js';
import { WECOM_CAPABILITIES } from './wecom-capabilities.js';

/** The long connection as the chat platform uses it. */
export interface LongConnectionSender {
  send(chatid: string, body: Record<string, unknown>): Promise<string>;
  readonly cardStates: CardStates;
}

/** A proactive send takes a group chatid, or a person's userid for a private chat. */
function chatidOf(target: MessageTarget): string {
  return target.kind === 'chat' ? target.chatId : target.platformUserId;
}

/**
 * WeCom as the engine's chat platform, over the intelligent bot's long connection: task cards as
 * interactive `button_interaction` template cards (each post under a fresh task_id, which WeCom
 * wants unique per bot), everything else as markdown with `<@userid>` mentions.
 *
 * A long-connection card can only change inside a click's 5-second window (the holder answers
 * the click with the updated card). `updateCard` therefore succeeds only when that answer
 * already shows the same card, and otherwise rejects as `permanent`, so the engine posts the
 * task's current card anew.
 */
export function createWecomChatPlatform(deps: {
  readonly longConnection: LongConnectionSender;
  readonly renderCard: TemplateCardRenderer;
}): ChatPlatform {
  const sent = (reqId: string, taskId: string | null): SentMessage => ({
    messageId: reqId,
    responseCode: null,
    responseCodeExpiresAt: null,
    cardRef: taskId,
  });

  return {
    platform: 'wecom',
    capabilities: WECOM_CAPABILITIES,
    async send(target: MessageTarget, message: OutboundMessage): Promise<SentMessage> {
      if (message.kind === 'card') {
        const taskId = wecomTaskId(message.card.key, randomBytes(6).toString('hex'));
        const reqId = await deps.longConnection.send(chatidOf(target), {
          msgtype: 'template_card',
          template_card: deps.renderCard(message.card, taskId),
        });
        return sent(reqId, taskId);
      }
      const reqId = await deps.longConnection.send(chatidOf(target), {
        msgtype: 'markdown',
        markdown: { content: renderWecomMarkdown(message) },
      });
      return sent(reqId, null);
    },
    async updateCard(ref: SentMessage, _target: MessageTarget, card: Card): Promise<SentMessage> {
      if (!ref.cardRef) throw new ChatPlatformError('permanent', 'no WeCom task_id to update');
      const shown = await deps.longConnection.cardStates.settled(ref.cardRef);
      if (shown !== cardDigest(card)) {
        throw new ChatPlatformError(
          'permanent',
          'a long-connection card changes only within 5 s of a click; posting it anew',
        );
      }
      return ref;
    },
  };
}
