import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { WecomHttp } from './wecom-http.js';

const tokenAnswer = z.object({
  access_token: z.string().min(1).max(512),
  expires_in: z.number().int().positive(),
});

/** Refresh a little before WeCom's expiry so a token never expires between read and use. */
const EARLY_EXPIRY_S = 300;
const LOCK_MS = 10_000;
const WAIT_FOR_PEER_MS = 3_000;
const DELETE_IF_EQUAL =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export interface AccessTokens {
  /** The current token, from Redis or freshly fetched. */
  get(): Promise<string>;
  /** Drops `stale` (WeCom refused it) and returns a new token; a peer's newer token is reused. */
  refresh(stale: string): Promise<string>;
}

/**
 * An app's access token, shared by every Baton process through Redis: `gettoken` is itself rate
 * limited, so one process fetches (under a short Redis lock) and the others read its result.
 * `keyPrefix` is the deployment's hash-tagged prefix (`{baton}`), keeping keys in one slot.
 */
export function createAccessTokens(deps: {
  redis: Redis;
  keyPrefix: string;
  http: WecomHttp;
  apiBase: string;
  corpId: string;
  secret: string;
  /** Names the app (its agent id): each app's secret has its own token. */
  appKey: string;
}): AccessTokens {
  const key = `${deps.keyPrefix}:wecom:token:${deps.corpId}:${deps.appKey}`;
  const lockKey = `${key}:lock`;

  const fetchToken = async (): Promise<string> => {
    const url = new URL('/cgi-bin/gettoken', deps.apiBase);
    url.searchParams.set('corpid', deps.corpId);
    url.searchParams.set('corpsecret', deps.secret);
    const parsed = tokenAnswer.safeParse(await deps.http.call('gettoken', url, { method: 'GET' }));
    if (!parsed.success)
      throw new ChatPlatformError('transient', 'WeCom gettoken answered no token');
    const ttl = Math.max(60, parsed.data.expires_in - EARLY_EXPIRY_S);
    await deps.redis.set(key, parsed.data.access_token, 'EX', ttl);
    return parsed.data.access_token;
  };

  const fetchOnce = async (): Promise<string> => {
    const locked = await deps.redis.set(lockKey, '1', 'PX', LOCK_MS, 'NX');
    if (locked) {
      try {
        return await fetchToken();
      } finally {
        await deps.redis.del(lockKey);
      }
    }
    // A peer is fetching: wait briefly for its token rather than calling gettoken again.
    const until = Date.now() + WAIT_FOR_PEER_MS;
    while (Date.now() < until) {
      await sleep(50);
      const token = await deps.redis.get(key);
      if (token) return token;
    }
    return fetchToken();
  };

  return {
    async get() {
      return (await deps.redis.get(key)) ?? fetchOnce();
    },
    async refresh(stale) {
      // Compare-and-delete, so a token a peer has just fetched is never thrown away.
      await deps.redis.eval(DELETE_IF_EQUAL, 1, key, stale);
      return (await deps.redis.get(key)) ?? fetchOnce();
    },
  };
}
