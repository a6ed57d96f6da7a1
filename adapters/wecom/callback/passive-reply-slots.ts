import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type {
  MessageTarget,
  OutboundMessage,
  SentMessage,
} from '../../../src/ports/chat-platform.port.js';
import { inboundEventKey } from '../../../src/ports/inbound-event.types.js';
import { renderWecomMarkdown } from '../render/markdown.render.js';
import { wecomTaskId } from '../render/task-id.js';
import { renderTemplateCard } from '../render/template-card.render.js';
import { CLOSE, OFFER, OPEN, WITHDRAW } from './reply-slot.scripts.js';

/** aibot stream content limit. */
const STREAM_BYTES = 20480;
const POLL_MS = 25;
/**
 * How long a callback stays owed its message: the engine works off at most `maxOwed` of them
 * (the backlog's bound) well within this, and the response_url is good for an hour.
 */
const OWED_TTL_MS = 10 * 60_000;
/** A slot answered stays known this long, so WeCom's redeliveries are answered empty. */
const DONE_TTL_MS = 2 * 60_000;
/** The response_url a delivery was given, kept for its retries (the delivery queue's span). */
const ASSIGNED_TTL_MS = 60 * 60_000;
/**
 * How long a reply waits for the replies ahead of it in its chat: they are normally being sent
 * by other delivery workers at the same moment; one that never comes (its command answered
 * elsewhere, its delivery failed) holds the chat up no longer than this.
 */
const ORDER_WAIT_MS = 2_000;

/** What became of a message offered to a chat's slots. */
export type SlotOffer =
  | { readonly kind: 'passive'; readonly sent: SentMessage }
  | { readonly kind: 'late'; readonly responseUrl: string }
  | null;

/** How a callback's slot was opened. */
export type SlotOpening =
  /** Wait for the engine's message: `wait` resolves it, or null at the deadline. */
  | { readonly kind: 'wait'; readonly slot: OpenSlot }
  /** Answer empty now: the message goes through the response_url (or the ordinary path). */
  | { readonly kind: 'late'; readonly slot: OpenSlot }
  /** Seen before and no longer waiting (answered, or its message is on its way late). */
  | { readonly kind: 'answered' }
  /** The backlog of callbacks owed a message is at its bound: answer 503, keep nothing. */
  | { readonly kind: 'full' };

export interface OpenSlot {
  /** A redelivery of a callback still waiting, which it now waits in place of. */
  readonly takeover: boolean;
  wait(deadline: number): Promise<string | null>;
  /** Its event will not run after all; resolves a message already given to it, if any. */
  withdraw(): Promise<string | null>;
}

/**
 * An API-mode intelligent bot can post a card to a group only as the passive reply to the
 * message that asked for it (it has no send API). Every callback message gets a slot in Redis,
 * queued per chat in arrival order; the WeCom chat platform — in whichever process delivers —
 * gives the first message the engine sends in answer to it (its dedupe key names the event) to
 * that slot: a waiting callback answers with it, one that has answered empty gets it through
 * its own `response_url`. A reply waits (up to ORDER_WAIT_MS) until the callbacks ahead of it in
 * the chat had theirs, as delivery workers run side by side. A message that answers no waiting
 * callback (a reminder, a second reply to one command) takes the ordinary path.
 */
export interface PassiveReplySlots {
  /**
   * Opens the slot of callback `messageId`: it waits only when `mayWait`, the backlog is small
   * and no callback ahead in the chat answered late (its reply must reach the chat first).
   */
  open(
    target: MessageTarget,
    callback: {
      readonly messageId: string;
      readonly responseUrl: string | null;
      readonly mayWait: boolean;
    },
  ): Promise<SlotOpening>;
  /** Whether a callback is still owed the message with this dedupe key. */
  owes(target: MessageTarget, dedupeKey: string): Promise<boolean>;
  /** Gives a message to the callback its dedupe key says it answers, in the chat's order. */
  offer(
    target: MessageTarget,
    message: OutboundMessage,
    keys?: { readonly idempotencyKey: string; readonly dedupeKey?: string },
  ): Promise<SlotOffer>;
}

export function createPassiveReplySlots(deps: {
  redis: Redis;
  keyPrefix: string;
  /** Callbacks owed a message, across processes, past which callbacks are refused (503). */
  maxOwed?: number;
  /** Callbacks owed a message past which new ones answer empty at once. */
  waitBacklog?: number;
}): PassiveReplySlots {
  const owedKey = `${deps.keyPrefix}:wecom:reply-owed`;
  const where = (target: MessageTarget) =>
    target.kind === 'chat' ? `c:${target.chatId}` : `p:${target.platformUserId}`;
  const queueOf = (target: MessageTarget) => `${deps.keyPrefix}:wecom:reply-queue:${where(target)}`;
  // Per target: a message the same command sends elsewhere (an owner's private card) is not
  // the callback's reply.
  const slotPrefixOf = (target: MessageTarget) =>
    `${deps.keyPrefix}:wecom:reply-slot:${where(target)}:`;
  const maxOwed = deps.maxOwed ?? 20_000;
  const waitBacklog = deps.waitBacklog ?? 64;
  return {
    async open(target, callback) {
      const slotPrefix = slotPrefixOf(target);
      const key = slotPrefix + callback.messageId;
      const queue = queueOf(target);
      const waiter = randomBytes(8).toString('hex');
      const marker = `open:${waiter}`;
      const filled = `fill:${waiter}\n`;
      const url = callback.responseUrl ?? '';
      const opened = (await deps.redis.eval(
        OPEN,
        3,
        key,
        queue,
        owedKey,
        waiter,
        Date.now(),
        OWED_TTL_MS,
        maxOwed,
        callback.mayWait ? '1' : '0',
        waitBacklog,
        url,
        callback.messageId,
        slotPrefix,
      )) as string;
      if (opened === 'answered' || opened === 'full') return { kind: opened };
      const asOpened = opened === 'late' ? (url ? `late:${url}` : 'pass') : marker;
      const slot: OpenSlot = {
        takeover: opened === 'takeover',
        async wait(deadline) {
          while (Date.now() < deadline) {
            const value = await deps.redis.get(key);
            if (value?.startsWith(filled)) {
              await deps.redis.set(key, 'done', 'PX', DONE_TTL_MS);
              return value.slice(filled.length);
            }
            // Taken over by a redelivery, which answers instead.
            if (value !== marker) return null;
            await sleep(POLL_MS);
          }
          const last = await deps.redis.eval(CLOSE, 1, key, marker, url, filled, DONE_TTL_MS);
          return typeof last === 'string' ? last.slice(filled.length) : null;
        },
        async withdraw() {
          const given = await deps.redis.eval(
            WITHDRAW,
            3,
            key,
            queue,
            owedKey,
            asOpened,
            filled,
            callback.messageId,
          );
          return typeof given === 'string' ? given.slice(filled.length) : null;
        },
      };
      return { kind: opened === 'late' ? 'late' : 'wait', slot };
    },
    async owes(target, dedupeKey) {
      const ids = answeredIds(dedupeKey);
      if (ids.length === 0) return false;
      const states = await deps.redis.mget(ids.map((id) => slotPrefixOf(target) + id));
      return states.some((s) => s?.startsWith('open:') || s?.startsWith('late:'));
    },
    async offer(target, message, keys) {
      const candidates = answeredIds(keys?.dedupeKey);
      if (candidates.length === 0) return null;
      const { plaintext, sent } = passiveReply(message);
      const assigned = `${deps.keyPrefix}:wecom:reply-assigned:${keys?.idempotencyKey ?? '-'}`;
      const deadline = Date.now() + ORDER_WAIT_MS;
      for (;;) {
        const result = await deps.redis.eval(
          OFFER,
          3,
          queueOf(target),
          owedKey,
          assigned,
          plaintext,
          slotPrefixOf(target),
          DONE_TTL_MS,
          ASSIGNED_TTL_MS,
          keys?.idempotencyKey ? '1' : '0',
          Date.now() >= deadline ? '1' : '0',
          ...candidates,
        );
        if (result === 'behind') {
          await sleep(POLL_MS);
          continue;
        }
        if (result === 'fill') return { kind: 'passive', sent };
        if (typeof result === 'string') return { kind: 'late', responseUrl: result.slice(5) };
        return null;
      }
    },
  };
}

/**
 * The callback message ids a delivery's dedupe key may answer: an event key is
 * `in-wecom-<message id>`, then `-` and the effect (message ids may hold `-` themselves).
 */
function answeredIds(dedupeKey: string | undefined): string[] {
  const prefix = inboundEventKey('wecom', '');
  if (!dedupeKey?.startsWith(prefix)) return [];
  const rest = dedupeKey.slice(prefix.length);
  const ids: string[] = [];
  for (let at = rest.indexOf('-'); at > 0; at = rest.indexOf('-', at + 1)) {
    ids.push(rest.slice(0, at));
  }
  return ids;
}

/** The aibot passive-reply JSON for an outbound message: a card, or a finished stream of text. */
function passiveReply(message: OutboundMessage): { plaintext: string; sent: SentMessage } {
  const id = randomBytes(8).toString('hex');
  if (message.kind === 'card') {
    const taskId = wecomTaskId(message.card.key, id);
    return {
      plaintext: JSON.stringify({
        msgtype: 'template_card',
        template_card: renderTemplateCard(message.card, taskId),
      }),
      sent: { messageId: null, responseCode: null, responseCodeExpiresAt: null, cardRef: taskId },
    };
  }
  return {
    plaintext: JSON.stringify({
      msgtype: 'stream',
      stream: { id, finish: true, content: renderWecomMarkdown(message, STREAM_BYTES) },
    }),
    sent: { messageId: null, responseCode: null, responseCodeExpiresAt: null, cardRef: null },
  };
}
