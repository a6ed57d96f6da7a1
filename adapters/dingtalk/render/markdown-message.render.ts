import type { Card } from '../../../cards/card.types.js';
import { renderCardAsMarkdown } from '../../../cards/render/markdown.render.js';
import type { Mention, OutboundMessage } from '../../../src/ports/chat-platform.port.js';

/** A message in DingTalk's classic robot shapes (session webhook, custom robot). */
export type WebhookBody =
  | { msgtype: 'text'; text: { content: string }; at: WebhookAt }
  | { msgtype: 'markdown'; markdown: { title: string; text: string }; at: WebhookAt };

interface WebhookAt {
  atUserIds: string[];
  isAtAll: boolean;
}

/** What OpenAPI robot messages take: a message template key and its parameters. */
export interface OpenApiMessage {
  readonly msgKey: 'sampleText' | 'sampleMarkdown' | 'sampleActionCard';
  readonly msgParam: Record<string, string>;
}

/**
 * The markdown form of a card: its content, the commands to type instead of buttons, and the
 * console link.
 */
export function cardMarkdown(card: Card): { title: string; text: string } {
  const { title, markdown } = renderCardAsMarkdown(card);
  return { title, text: markdown };
}

/**
 * A message for webhooks. DingTalk highlights and notifies a mentioned person only when the
 * user id is both in `at.atUserIds` and written as `@userId` in the text.
 */
export function toWebhookBody(message: OutboundMessage): WebhookBody {
  const at: WebhookAt = {
    atUserIds: message.mentions.map((m) => m.platformUserId),
    isAtAll: false,
  };
  const tail = mentionTail(message.mentions);
  if (message.kind === 'text') {
    return { msgtype: 'text', text: { content: `${message.text}${tail}` }, at };
  }
  const md =
    message.kind === 'markdown'
      ? { title: message.title, text: message.markdown }
      : cardMarkdown(message.card);
  return { msgtype: 'markdown', markdown: { title: md.title, text: `${md.text}${tail}` }, at };
}

/**
 * A message for the OpenAPI robot endpoints, which have no `at` field: names are written out.
 * A card becomes an action card whose one button opens the console.
 */
export function toOpenApiMessage(message: OutboundMessage): OpenApiMessage {
  const names = message.mentions.length
    ? `\n\n${message.mentions.map((m) => `@${m.name}`).join(' ')}`
    : '';
  if (message.kind === 'text') {
    return { msgKey: 'sampleText', msgParam: { content: `${message.text}${names}` } };
  }
  if (message.kind === 'markdown') {
    return {
      msgKey: 'sampleMarkdown',
      msgParam: { title: message.title, text: `${message.markdown}${names}` },
    };
  }
  const md = cardMarkdown(message.card);
  const link = message.card.link;
  if (!link)
    return { msgKey: 'sampleMarkdown', msgParam: { title: md.title, text: `${md.text}${names}` } };
  return {
    msgKey: 'sampleActionCard',
    msgParam: {
      title: md.title,
      text: `${md.text}${names}`,
      singleTitle: link.label,
      singleURL: link.url,
    },
  };
}

function mentionTail(mentions: readonly Mention[]): string {
  return mentions.length ? `\n\n${mentions.map((m) => `@${m.platformUserId}`).join(' ')}` : '';
}
