import type { Redis } from 'ioredis';
import type { MessageTarget } from '../../../src/ports/chat-platform.port.js';

/** Stop using a session webhook this long before DingTalk's expiry. */
const MARGIN_MS = 2 * 60 * 1000;

/** Where a session webhook leads: a group, or the robot's private chat with one person. */
export function sessionKey(target: MessageTarget): string {
  return target.kind === 'chat' ? `chat:${target.chatId}` : `person:${target.platformUserId}`;
}

/**
 * The latest `sessionWebhook` of each conversation, kept in Redis until shortly before it expires
 * (about 90 minutes): replies through it cost no API quota.
 */
export interface SessionWebhooks {
  remember(target: MessageTarget, url: string, expiresAt: Date | null, now: Date): Promise<void>;
  get(target: MessageTarget): Promise<string | null>;
  forget(target: MessageTarget): Promise<void>;
}

export function createSessionWebhooks(redis: Redis, keyPrefix: string): SessionWebhooks {
  const key = (target: MessageTarget) => `${keyPrefix}:${sessionKey(target)}`;
  return {
    async remember(target, url, expiresAt, now) {
      if (!expiresAt) return;
      const ttlMs = expiresAt.getTime() - now.getTime() - MARGIN_MS;
      if (ttlMs > 0) await redis.set(key(target), url, 'PX', ttlMs);
    },
    get: (target) => redis.get(key(target)),
    async forget(target) {
      await redis.del(key(target));
    },
  };
}
