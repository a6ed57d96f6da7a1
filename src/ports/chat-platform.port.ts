import type { Card } from '../../cards/card.types.js';
import type { Platform } from '../domain/org/org.types.js';

/** Where a message goes: a group chat, or one person privately. */
export type MessageTarget =
  | { readonly kind: 'chat'; readonly chatId: string }
  | { readonly kind: 'person'; readonly platformUserId: string };

/** A person to @-mention, with the platform's id for them. */
export interface Mention {
  readonly platformUserId: string;
  readonly name: string;
}

export type OutboundMessage =
  | { readonly kind: 'text'; readonly text: string; readonly mentions: readonly Mention[] }
  | {
      readonly kind: 'markdown';
      readonly title: string;
      readonly markdown: string;
      readonly mentions: readonly Mention[];
    }
  | { readonly kind: 'card'; readonly card: Card; readonly mentions: readonly Mention[] };

/** What the platform handed back for a sent card, enough to update it in place later. */
export interface SentMessage {
  readonly messageId: string | null;
  /** WeCom `response_code` (single use, 72 h). */
  readonly responseCode: string | null;
  readonly responseCodeExpiresAt: Date | null;
  /** DingTalk `outTrackId`, WeCom `task_id`. */
  readonly cardRef: string | null;
}

export interface MessageBudget {
  readonly messages: number;
  readonly windowMs: number;
}

export interface ChatPlatformCapabilities {
  /** Clickable cards can be posted to group chats (otherwise: markdown with commands to type). */
  readonly interactiveCardsInGroups: boolean;
  readonly interactiveCardsInPrivate: boolean;
  /** A posted card can be changed in place. */
  readonly updateCardInPlace: boolean;
  /** Messages one group chat accepts per window before the platform throttles (WeCom/DingTalk: 20 a minute). */
  readonly chatBudget: MessageBudget;
}

/** Why a send failed, so the delivery queue knows whether to retry, wait or give up. */
export class ChatPlatformError extends Error {
  constructor(
    readonly kind: 'transient' | 'rate-limited' | 'permanent' | 'configuration',
    message: string,
    readonly options: {
      readonly retryAfterMs?: number;
      readonly code?: string;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ChatPlatformError';
  }
}

/**
 * One chat platform (WeCom, DingTalk, the simulator), as the engine sees it. Implementations
 * render neutral cards in their own format, map person ids, and translate platform failures into
 * ChatPlatformError: `transient` (network, 5xx: retry with backoff), `rate-limited` (wait
 * `retryAfterMs`), `permanent` (bad user id, message refused: do not retry), `configuration`
 * (revoked app, untrusted IP: tell the operator once, do not retry).
 */
export interface ChatPlatform {
  readonly platform: Platform;
  readonly capabilities: ChatPlatformCapabilities;
  /**
   * Sends a message; resolves with what is needed to update a card later. `idempotencyKey` is
   * the same for every try of one delivery: a platform that can refuse a repeat by key uses it
   * (the simulator does; WeCom's and DingTalk's send APIs have no such key). `dedupeKey` is the
   * delivery's own: a reply to an inbound event starts with its `inboundEventKey`, so a platform
   * that answers callbacks knows which one a message answers.
   */
  send(
    target: MessageTarget,
    message: OutboundMessage,
    options?: { readonly idempotencyKey: string; readonly dedupeKey?: string },
  ): Promise<SentMessage>;
  /**
   * Whether the message answers a callback still owed it (a WeCom API-mode bot's passive reply or
   * response_url): the chat's budget, which is for what the platform posts unprompted, does not
   * apply to it. Absent: it never does.
   */
  answersCallback?(target: MessageTarget, dedupeKey: string): Promise<boolean>;
  /**
   * Replaces a posted card's content. Rejects with a `permanent` ChatPlatformError when the
   * reference can no longer be used (expired response code), so the caller re-sends instead.
   */
  updateCard(ref: SentMessage, target: MessageTarget, card: Card): Promise<SentMessage>;
}
