import type { Redis } from 'ioredis';

/** Stop using a session webhook this long before DingTalk's expiry. */
const MARGIN_MS = 2 * 60 * 1000;

/**
 * The latest `sessionWebhook` of each chat, kept in Redis until shortly before it expires
 * (about 90 minutes): replies through it cost no API quota.
 */
export interface SessionWebhooks {
  remember(chatId: string, url: string, expiresAt: Date | null, now: Date): Promise<void>;
  get(chatId: string): Promise<string | null>;
  forget(chatId: string): Promise<void>;
}

export function createSessionWebhooks(redis: Redis, keyPrefix: string): SessionWebhooks {
  const key = (chatId: string) => `${keyPrefix}:${chatId}`;
  return {
    async remember(chatId, url, expiresAt, now) {
      if (!expiresAt) return;
      const ttlMs = expiresAt.getTime() - now.getTime() - MARGIN_MS;
      if (ttlMs > 0) await redis.set(key(chatId), url, 'PX', ttlMs);
    },
    get: (chatId) => redis.get(key(chatId)),
    async forget(chatId) {
      await redis.del(key(chatId));
    },
  };
}
