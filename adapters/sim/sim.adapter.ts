import type { Card } from '../../cards/card.types.js';
import {
  type ChatPlatform,
  ChatPlatformError,
  type MessageTarget,
  type OutboundMessage,
  type SentMessage,
} from '../../src/ports/chat-platform.port.js';
import type { SimTranscript, SimTranscriptEntry } from '../../src/ports/sim-transcript.port.js';

/** The conversation a target maps to in the simulator. */
export function simConversation(target: MessageTarget): string {
  return target.kind === 'chat' ? target.chatId : `user:${target.platformUserId}`;
}

/**
 * The chat simulator as a chat platform: a third adapter beside WeCom and DingTalk. Messages go
 * to a Postgres transcript and are announced to the browsers watching (`onChange`), so the
 * simulator shows exactly what the engine sent, through the same queues and budgets.
 */
export function createSimChatPlatform(deps: {
  transcript: SimTranscript;
  onChange: (entry: SimTranscriptEntry) => void;
}): ChatPlatform {
  const sentMessage = (entry: SimTranscriptEntry): SentMessage => ({
    messageId: String(entry.id),
    responseCode: null,
    responseCodeExpiresAt: null,
    cardRef: String(entry.id),
  });
  return {
    platform: 'sim',
    capabilities: {
      interactiveCardsInGroups: true,
      interactiveCardsInPrivate: true,
      updateCardInPlace: true,
      // The same budget as WeCom and DingTalk group robots, so digests show up in demos too.
      chatBudget: { messages: 20, windowMs: 60_000 },
    },
    async send(target: MessageTarget, message: OutboundMessage, options) {
      const entry = await deps.transcript.append(
        { conversation: simConversation(target), direction: 'out', senderId: null, body: message },
        options,
      );
      deps.onChange(entry);
      return sentMessage(entry);
    },
    async updateCard(ref: SentMessage, _target: MessageTarget, card: Card) {
      const id = Number(ref.messageId);
      const entry = Number.isSafeInteger(id)
        ? await deps.transcript.replaceBody(id, { kind: 'card', card, mentions: [] })
        : null;
      if (!entry) throw new ChatPlatformError('permanent', `no simulated message ${ref.messageId}`);
      deps.onChange(entry);
      return sentMessage(entry);
    },
  };
}
