import type { Card } from '../../cards/card.types.js';
import type { Platform } from '../../src/domain/org/org.types.js';
import {
  type ChatPlatform,
  type ChatPlatformCapabilities,
  ChatPlatformError,
  type MessageTarget,
  type OutboundMessage,
  type SentMessage,
} from '../../src/ports/chat-platform.port.js';

export interface RecordedSend {
  readonly target: MessageTarget;
  readonly message: OutboundMessage;
  readonly at: number;
}

export interface RecordedUpdate {
  readonly ref: SentMessage;
  readonly card: Card;
}

/**
 * An in-memory chat platform that records what it was asked to send and can be told to fail:
 * the engine's counterpart for tests that are about Baton's behaviour, not a wire protocol.
 */
export class RecordingChatPlatform implements ChatPlatform {
  readonly sent: RecordedSend[] = [];
  readonly updates: RecordedUpdate[] = [];
  private readonly failures: ChatPlatformError[] = [];
  private counter = 0;

  constructor(
    readonly platform: Platform = 'sim',
    readonly capabilities: ChatPlatformCapabilities = {
      interactiveCardsInGroups: true,
      interactiveCardsInPrivate: true,
      updateCardInPlace: true,
      chatBudget: { messages: 20, windowMs: 60_000 },
    },
  ) {}

  /** The next `count` calls fail with `error`. */
  failNext(error: ChatPlatformError, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(error);
  }

  async send(target: MessageTarget, message: OutboundMessage): Promise<SentMessage> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ target, message, at: Date.now() });
    this.counter += 1;
    return {
      messageId: `m${this.counter}`,
      responseCode: null,
      responseCodeExpiresAt: null,
      cardRef: `card${this.counter}`,
    };
  }

  async updateCard(ref: SentMessage, _target: MessageTarget, card: Card): Promise<SentMessage> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.updates.push({ ref, card });
    return ref;
  }
}

export const serverError = () => new ChatPlatformError('transient', 'HTTP 500 from platform');
