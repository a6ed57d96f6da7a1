import type { Platform } from '../domain/org/org.types.js';

/** A person as a platform names them; resolved against the org before the domain sees them. */
export interface PlatformUser {
  /** WeCom userid, DingTalk userId/staffId, or the simulator's person id. */
  readonly platformUserId: string;
  /** Display name when the platform sends one (used to learn names, never to authorise). */
  readonly displayName: string | null;
}

/** A chat message that reached Baton (a group @-mention or a private message). */
export interface InboundMessage {
  readonly type: 'message';
  readonly platform: Platform;
  /** Corp id (WeCom `ww…`, DingTalk corpId) or the simulator's tenant; null: the only tenant. */
  readonly tenantKey: string | null;
  /** The platform's message id; platforms redeliver, Baton acts once per id. */
  readonly messageId: string;
  readonly chat: { readonly chatId: string; readonly isGroup: boolean };
  readonly sender: PlatformUser;
  /** The text with the leading @bot mention already stripped by the adapter. */
  readonly text: string;
  /** People the platform says were @-mentioned, when it says so (besides the bot). */
  readonly mentions: readonly PlatformUser[];
  readonly receivedAt: Date;
  /** Where a reply may go without quota (DingTalk sessionWebhook, WeCom response_url). */
  readonly replyHandle: ReplyHandle | null;
}

/** A tap on a card button. */
export interface InboundCardAction {
  readonly type: 'card-action';
  readonly platform: Platform;
  readonly tenantKey: string | null;
  /** Unique per click (platform event id, or a hash of user+card+action+time). */
  readonly eventId: string;
  readonly chat: { readonly chatId: string; readonly isGroup: boolean } | null;
  readonly user: PlatformUser;
  /** The card's platform reference (WeCom task_id, DingTalk outTrackId). */
  readonly cardRef: string;
  /** The neutral action id the card builder put on the button (`node.done`, …). */
  readonly actionId: string;
  readonly value: Readonly<Record<string, string>>;
  readonly receivedAt: Date;
  readonly replyHandle: ReplyHandle | null;
}

export type InboundEvent = InboundMessage | InboundCardAction;

/** An opaque, short-lived way to answer an inbound event in place. */
export interface ReplyHandle {
  readonly kind: string;
  readonly value: string;
  readonly expiresAt: Date | null;
}

/** The platform's id of the event: what both the inbox and the engine de-duplicate by. */
export function eventIdOf(event: InboundEvent): string {
  return event.type === 'message' ? event.messageId : event.eventId;
}

/**
 * What the engine's effects of an event are keyed by: every delivery the event causes has a
 * dedupe key starting with this and a `-`, which tells a platform which callback it answers.
 */
export function inboundEventKey(platform: string, eventId: string): string {
  return `in-${platform}-${eventId}`;
}

/**
 * A metrics label for an event before the engine has read it: `click:<action id>` for a card
 * action, `message` for a message (the engine's outcome names its command, see `InboundOutcome`).
 */
export function unreadEventLabel(event: InboundEvent): string {
  return event.type === 'card-action' ? `click:${event.actionId}` : 'message';
}
