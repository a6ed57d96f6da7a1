import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { HttpJson } from './http-json.js';
import { openApiFailure } from './openapi-errors.js';

const tokenAnswer = z.object({ accessToken: z.string().min(1), expireIn: z.number().int() });
const tokenFailure = z
  .object({ code: z.string().default('Unknown'), message: z.string().default('') })
  .catch({ code: 'Unknown', message: '' });

/** Refetch this long before DingTalk's expiry, so a token never dies mid-call. */
const EARLY_MS = 5 * 60 * 1000;

export interface AccessTokens {
  /** A valid token: Redis first (shared by every Baton process), DingTalk when missing. */
  get(): Promise<string>;
  /** Forgets `token` (DingTalk said InvalidAuthentication); the next get() fetches a new one. */
  invalidate(token: string): Promise<void>;
}

/** Access tokens from `POST /v1.0/oauth2/accessToken`, cached in Redis across processes. */
export function createAccessTokens(deps: {
  readonly redis: Redis;
  readonly key: string;
  readonly apiBase: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly http: HttpJson;
  readonly logger: Logger;
}): AccessTokens {
  let inFlight: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const answer = await deps.http('POST', `${deps.apiBase}/v1.0/oauth2/accessToken`, {
      appKey: deps.appKey,
      appSecret: deps.appSecret,
    });
    if (answer.status !== 200) {
      const body = tokenFailure.parse(answer.body);
      throw openApiFailure(answer.status, body.code, body.message);
    }
    const { accessToken, expireIn } = tokenAnswer.parse(answer.body);
    const ttlMs = Math.max(expireIn * 1000 - EARLY_MS, 60_000);
    await deps.redis.set(deps.key, accessToken, 'PX', ttlMs);
    deps.logger.info({ expireIn }, 'fetched a DingTalk access token');
    return accessToken;
  };
  return {
    async get() {
      const cached = await deps.redis.get(deps.key);
      if (cached) return cached;
      // One fetch at a time in this process; other processes may fetch too, which is harmless.
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    async invalidate(token) {
      const cached = await deps.redis.get(deps.key);
      if (cached === token) await deps.redis.del(deps.key);
    },
  };
}
