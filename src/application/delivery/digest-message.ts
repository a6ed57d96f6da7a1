import { renderCardAsMarkdown } from '../../../cards/render/markdown.render.js';
import type { Mention, OutboundMessage } from '../../ports/chat-platform.port.js';
import type { DeliveryRecord } from '../../ports/delivery-store.port.js';

/** The markdown body of any message: a card becomes its markdown fallback. */
export function messageAsMarkdown(message: OutboundMessage): { title: string; markdown: string } {
  switch (message.kind) {
    case 'text':
      return { title: message.text.slice(0, 30), markdown: message.text };
    case 'markdown':
      return { title: message.title, markdown: message.markdown };
    case 'card':
      return renderCardAsMarkdown(message.card);
  }
}

/**
 * One message standing for several that a chat's budget could not take: every part's content,
 * in order, and everyone any part @-mentioned, once.
 */
export function buildDigestMessage(parts: readonly DeliveryRecord[]): OutboundMessage {
  const sections = parts.map((p) => messageAsMarkdown(p.message).markdown);
  const mentions = new Map<string, Mention>();
  for (const part of parts) {
    for (const m of part.message.mentions) mentions.set(m.platformUserId, m);
  }
  return {
    kind: 'markdown',
    title: `汇总提醒（${parts.length} 条）`,
    markdown: [`### 📋 汇总提醒（${parts.length} 条）`, ...sections].join('\n\n---\n\n'),
    mentions: [...mentions.values()],
  };
}
