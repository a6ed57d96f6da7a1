import { renderCardAsMarkdown } from '../../../cards/render/markdown.render.js';
import type { Mention, OutboundMessage } from '../../../src/ports/chat-platform.port.js';
import { limitBytes } from './text-limits.js';

/** Group robot (webhook) markdown content limit; aibot `response_url` allows 20480. */
export const WEBHOOK_MARKDOWN_BYTES = 4096;

/**
 * Any outbound message as WeCom markdown (webhook, response_url, long-connection fallback):
 * mentions become `<@userid>` at the end, where WeCom turns them into real @-mentions, and the
 * text is cut to the byte limit of the channel, never cutting the mentions.
 */
export function renderWecomMarkdown(
  message: OutboundMessage,
  maxBytes = WEBHOOK_MARKDOWN_BYTES,
): string {
  const body = bodyOf(message);
  const mentions = mentionLine(message.mentions);
  if (!mentions) return limitBytes(body, maxBytes);
  const tail = `\n${mentions}`;
  return `${limitBytes(body, maxBytes - Buffer.byteLength(tail))}${tail}`;
}

function bodyOf(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'markdown':
      return message.markdown;
    case 'card':
      return renderCardAsMarkdown(message.card).markdown;
  }
}

function mentionLine(mentions: readonly Mention[]): string {
  return mentions.map((m) => `<@${m.platformUserId}>`).join(' ');
}
