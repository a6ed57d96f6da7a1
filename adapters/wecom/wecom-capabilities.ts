import type { ChatPlatformCapabilities } from '../../src/ports/chat-platform.port.js';

/** What WeCom offers, by either path (long connection or the HTTP APIs). */
export const WECOM_CAPABILITIES: ChatPlatformCapabilities = {
  interactiveCardsInGroups: true,
  interactiveCardsInPrivate: true,
  updateCardInPlace: true,
  // WeCom group robots take 20 messages a minute per chat.
  chatBudget: { messages: 20, windowMs: 60_000 },
};
