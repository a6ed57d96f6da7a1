import { randomBytes } from 'node:crypto';
import type { Card } from '../../../cards/card.types.js';
import {
  ChatPlatformError,
  type OutboundMessage,
  type SentMessage,
} from '../../../src/ports/chat-platform.port.js';
import { renderWecomMarkdown } from '../render/markdown.render.js';
import { wecomTaskId } from '../render/task-id.js';
import { renderTemplateCard } from '../render/template-card.render.js';
import type { WecomAppClient } from './wecom-app.client.js';

/** message/send markdown content limit. */
const APP_MARKDOWN_BYTES = 2048;
/** A response_code is good for one update within 72 hours; keep a margin for clock skew. */
const RESPONSE_CODE_TTL_MS = 72 * 3_600_000 - 10 * 60_000;

/** Private messages to one person through the self-built app, in ChatPlatform terms. */
export interface AppMessenger {
  send(userId: string, message: OutboundMessage): Promise<SentMessage>;
  /**
   * Replaces a private card in place with its single-use response code. Rejects `permanent`
   * when the code is used or expired, so the delivery worker re-issues the card instead.
   */
  updateCard(ref: SentMessage, userId: string, card: Card): Promise<SentMessage>;
  /** Replaces a card its user just clicked, with the click's own response code. */
  updateClicked(click: {
    responseCode: string;
    userId: string;
    taskId: string;
    card: Card;
  }): Promise<void>;
}

export function createAppMessenger(deps: { app: WecomAppClient; now: () => Date }): AppMessenger {
  return {
    async send(userId, message) {
      if (message.kind !== 'card') {
        const content = renderWecomMarkdown(message, APP_MARKDOWN_BYTES);
        const sent = await deps.app.send([userId], { msgtype: 'markdown', markdown: { content } });
        return {
          messageId: sent.msgid,
          responseCode: null,
          responseCodeExpiresAt: null,
          cardRef: null,
        };
      }
      // A new task_id per issue: WeCom wants them unique per app, and a re-issued card is new.
      const taskId = wecomTaskId(message.card.key, randomBytes(6).toString('hex'));
      const template_card = renderTemplateCard(message.card, taskId);
      const sent = await deps.app.send([userId], { msgtype: 'template_card', template_card });
      return {
        messageId: sent.msgid,
        responseCode: sent.responseCode,
        responseCodeExpiresAt: sent.responseCode
          ? new Date(deps.now().getTime() + RESPONSE_CODE_TTL_MS)
          : null,
        cardRef: taskId,
      };
    },
    async updateCard(ref, userId, card) {
      const usable =
        ref.responseCode &&
        ref.cardRef &&
        ref.responseCodeExpiresAt &&
        ref.responseCodeExpiresAt.getTime() > deps.now().getTime();
      if (!usable || !ref.responseCode || !ref.cardRef) {
        throw new ChatPlatformError('permanent', 'WeCom card response_code used or expired');
      }
      await deps.app.updateCard(ref.responseCode, [userId], renderTemplateCard(card, ref.cardRef));
      // The code is spent; the next change re-issues the card.
      return { ...ref, responseCode: null, responseCodeExpiresAt: null };
    },
    async updateClicked(click) {
      const card = renderTemplateCard(click.card, click.taskId);
      await deps.app.updateCard(click.responseCode, [click.userId], card);
    },
  };
}
