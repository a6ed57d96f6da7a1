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
const OPEN = 'open:';
const POLL_MS = 25;
const PAYLOAD_TTL_MS = 10_000;

/** Claims an open slot for a reply: only while it is still open. */
const FILL_IF_OPEN = `local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 5) == 'open:' then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
/** Closes our own slot, or hands over the reply that arrived meanwhile. */
const CLOSE_OR_TAKE = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('DEL', KEYS[1]) return false end
if v and string.sub(v, 1, 5) ~= 'open:' then redis.call('DEL', KEYS[1]) return v end
return false`;

/**
 * An API-mode intelligent bot can post a card to a group only as the passive reply to the
 * message that asked for it (it has no send API). While a callback waits, its chat has an open
 * slot in Redis; the WeCom chat platform — in whichever process delivers — offers the engine's
 * first message for that chat to the slot instead of sending it, and the callback answers with it.
 * Two people commanding the same chat at once: the later slot wins, the other message takes the
 * ordinary send path.
 */
export interface PassiveReplySlots {
  /** Opens a slot for `target`; `wait` resolves the reply plaintext (JSON) or null at `deadline`. */
  open(target: MessageTarget): Promise<{ wait(deadline: number): Promise<string | null> }>;
  /** Gives `message` to the slot open for `target`; null when none is open (send normally). */
  offer(target: MessageTarget, message: OutboundMessage): Promise<SentMessage | null>;
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
      const marker = `${OPEN}${randomBytes(8).toString('hex')}`;
      await deps.redis.set(key, marker, 'PX', PAYLOAD_TTL_MS);
      return {
        async wait(deadline) {
          while (Date.now() < deadline) {
            const value = await deps.redis.get(key);
            if (value === null || (value.startsWith(OPEN) && value !== marker)) return null;
            if (!value.startsWith(OPEN)) return (await deps.redis.getdel(key)) ?? value;
            await sleep(POLL_MS);
          }
          const last = await deps.redis.eval(CLOSE_OR_TAKE, 1, key, marker);
          return typeof last === 'string' ? last : null;
        },
      };
    },
    async offer(target, message) {
      const { plaintext, sent } = passiveReply(message);
      const filled = await deps.redis.eval(
        FILL_IF_OPEN,
        1,
        keyOf(target),
        plaintext,
        PAYLOAD_TTL_MS,
      );
      return filled === 1 ? sent : null;
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
