import { randomBytes } from 'node:crypto';
import type { Card } from '../../../cards/card.types.js';
import {
  type ChatPlatform,
  ChatPlatformError,
  type MessageTarget,
  type OutboundMessage,
  type SentMessage,
} from '../../../src/ports/chat-platform.port.js';
import type { AnsweredCards } from '../callback/answered-cards.js';
import type { PassiveReplySlots } from '../callback/passive-reply-slots.js';
import { renderWecomMarkdown } from '../render/markdown.render.js';
import { wecomTaskId } from '../render/task-id.js';
import { renderTemplateCard } from '../render/template-card.render.js';
import { WECOM_CAPABILITIES } from '../wecom-capabilities.js';
import { type AibotResponder, RESPONSE_URL_MARKDOWN_BYTES } from './aibot-response.client.js';
import type { AppMessenger } from './app-messenger.js';
import type { createRobotMessenger } from './robot-messenger.js';

export interface WecomHttpChatPlatformDeps {
  readonly slots: PassiveReplySlots;
  readonly answeredCards: AnsweredCards;
  /** The self-built app, for private messages and cards; null when not configured. */
  readonly app: AppMessenger | null;
  readonly robot: ReturnType<typeof createRobotMessenger>;
  /** Answers through a callback's `response_url` when the engine missed the passive reply. */
  readonly responder: AibotResponder;
  /** A coordination chat's group-robot key from the org file, if it has one. */
  readonly webhookKeyOf: (chatId: string) => Promise<string | null>;
  /** Where to send what no HTTP path can carry (the long connection), if anything. */
  readonly fallback: ChatPlatform | null;
}

/**
 * WeCom over its HTTP surfaces. A chat message first goes to a waiting API-mode callback as its
 * passive reply (the only way such a bot posts a card to a group), then to the chat's group robot
 * (markdown), then to the fallback. A private message goes to a waiting callback, then through
 * the self-built app (interactive card, updated with its response code), then the fallback.
 */
export function createWecomHttpChatPlatform(deps: WecomHttpChatPlatformDeps): ChatPlatform {
  const unreachable = (target: MessageTarget) =>
    new ChatPlatformError(
      'configuration',
      target.kind === 'chat'
        ? 'no WeCom path to this group: give it a webhookKey in the org file or use the long connection'
        : 'no WeCom path to this person: configure the self-built app or the long connection',
    );
  return {
    platform: 'wecom',
    capabilities: WECOM_CAPABILITIES,
    async send(target, message, options): Promise<SentMessage> {
      const offered = await deps.slots.offer(target, message, options);
      if (offered?.kind === 'passive') return offered.sent;
      if (offered?.kind === 'late')
        return answerLate(deps.responder, offered.responseUrl, target, message);
      if (target.kind === 'chat') {
        const key = await deps.webhookKeyOf(target.chatId);
        if (key) return deps.robot.send(key, message);
      } else if (deps.app) {
        return deps.app.send(target.platformUserId, message);
      }
      if (deps.fallback) return deps.fallback.send(target, message);
      throw unreachable(target);
    },
    answersCallback: (target, dedupeKey) => deps.slots.owes(target, dedupeKey),
    async updateCard(ref: SentMessage, target: MessageTarget, card: Card): Promise<SentMessage> {
      if (ref.cardRef && (await deps.answeredCards.alreadyShows(ref.cardRef, card))) return ref;
      if (ref.responseCode && deps.app && target.kind === 'person') {
        return deps.app.updateCard(ref, target.platformUserId, card);
      }
      if (deps.fallback) return deps.fallback.updateCard(ref, target, card);
      throw new ChatPlatformError(
        'permanent',
        'this WeCom card cannot change in place; posting it anew',
      );
    },
  };
}

/**
 * A card goes through `response_url` only into a single chat; in a group WeCom takes markdown
 * alone there (its rule), so a reply that missed the passive answer shows as text with the
 * commands to type instead of buttons.
 */
async function answerLate(
  responder: AibotResponder,
  responseUrl: string,
  target: MessageTarget,
  message: OutboundMessage,
): Promise<SentMessage> {
  const none = { messageId: null, responseCode: null, responseCodeExpiresAt: null, cardRef: null };
  if (message.kind === 'card' && target.kind === 'person') {
    const taskId = wecomTaskId(message.card.key, randomBytes(6).toString('hex'));
    await responder.send(responseUrl, {
      msgtype: 'template_card',
      template_card: renderTemplateCard(message.card, taskId),
    });
    return { ...none, cardRef: taskId };
  }
  const content = renderWecomMarkdown(message, RESPONSE_URL_MARKDOWN_BYTES);
  await responder.send(responseUrl, { msgtype: 'markdown', markdown: { content } });
  return none;
}
