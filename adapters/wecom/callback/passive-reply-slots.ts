import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type {
  MessageTarget,
  OutboundMessage,
  SentMessage,
} from '../../../src/ports/chat-platform.port.js';
import { renderWecomMarkdown } from '../render/markdown.render.js';
import { wecomTaskId } from '../render/task-id.js';
import { renderTemplateCard } from '../render/template-card.render.js';

/** aibot stream content limit. */
const STREAM_BYTES = 20480;
const POLL_MS = 25;
const OPEN_TTL_MS = 10_000;
/**
 * How long a slow engine's answer may still go through the `response_url` (good for an hour):
 * short, so that later unrelated messages for the chat keep their own path.
 */
const LATE_TTL_MS = 5 * 60_000;

/**
 * Slot values: `open:<id>` while a callback waits, `fill:<id>\n<reply>` once the engine's message
 * arrived for it, `late:<response_url>` after the callback answered without it.
 */
const OFFER = `local v = redis.call('GET', KEYS[1])
if not v then return false end
local kind = string.sub(v, 1, 5)
if kind == 'open:' then
  redis.call('SET', KEYS[1], 'fill:' .. string.sub(v, 6) .. '\\n' .. ARGV[1], 'PX', ARGV[2])
  return 'fill'
end
if kind == 'late:' then redis.call('DEL', KEYS[1]) return v end
return false`;
/** At the deadline: take a reply that just arrived, or leave the response_url for a late one. */
const CLOSE = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then
  if ARGV[2] ~= '' then redis.call('SET', KEYS[1], 'late:' .. ARGV[2], 'PX', ARGV[3])
  else redis.call('DEL', KEYS[1]) end
  return false
end
if v and string.sub(v, 1, string.len(ARGV[4])) == ARGV[4] then redis.call('DEL', KEYS[1]) return v end
return false`;

/** What became of a message offered to a chat's slot. */
export type SlotOffer =
  | { readonly kind: 'passive'; readonly sent: SentMessage }
  | { readonly kind: 'late'; readonly responseUrl: string }
  | null;

/**
 * An API-mode intelligent bot can post a card to a group only as the passive reply to the
 * message that asked for it (it has no send API). While a callback waits, its chat has an open
 * slot in Redis; the WeCom chat platform — in whichever process delivers — offers the engine's
 * first message for that chat to the slot instead of sending it, and the callback answers with
 * it. When the engine was too slow, the slot keeps the message's `response_url` for one late
 * answer. Two people commanding one chat at once: the later slot wins, the other message takes
 * the ordinary send path.
 */
export interface PassiveReplySlots {
  /**
   * Opens a slot; `wait` resolves the reply plaintext (JSON) or null at `deadline`, then leaves
   * `lateResponseUrl` (if any) for the engine's message should it come after all.
   */
  open(target: MessageTarget): Promise<{
    wait(deadline: number, lateResponseUrl: string | null): Promise<string | null>;
  }>;
  offer(target: MessageTarget, message: OutboundMessage): Promise<SlotOffer>;
}

export function createPassiveReplySlots(deps: {
  redis: Redis;
  keyPrefix: string;
}): PassiveReplySlots {
  const keyOf = (target: MessageTarget) =>
    `${deps.keyPrefix}:wecom:reply-slot:${target.kind === 'chat' ? `c:${target.chatId}` : `p:${target.platformUserId}`}`;
  return {
    async open(target) {
      const key = keyOf(target);
      const id = randomBytes(8).toString('hex');
      const marker = `open:${id}`;
      const filled = `fill:${id}\n`;
      await deps.redis.set(key, marker, 'PX', OPEN_TTL_MS);
      return {
        async wait(deadline, lateResponseUrl) {
          while (Date.now() < deadline) {
            const value = await deps.redis.get(key);
            if (value?.startsWith(filled)) {
              await deps.redis.del(key);
              return value.slice(filled.length);
            }
            if (value !== marker) return null;
            await sleep(POLL_MS);
          }
          const last = await deps.redis.eval(
            CLOSE,
            1,
            key,
            marker,
            lateResponseUrl ?? '',
            LATE_TTL_MS,
            filled,
          );
          return typeof last === 'string' ? last.slice(filled.length) : null;
        },
      };
    },
    async offer(target, message) {
      const { plaintext, sent } = passiveReply(message);
      const result = await deps.redis.eval(OFFER, 1, keyOf(target), plaintext, OPEN_TTL_MS);
      if (result === 'fill') return { kind: 'passive', sent };
      if (typeof result === 'string') return { kind: 'late', responseUrl: result.slice(5) };
      return null;
    },
  };
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
