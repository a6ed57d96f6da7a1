import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

const WARN_SHARES = [0.8, 0.9, 1];
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface ApiQuota {
  /** Counts one quota-bearing call; warns as the month's use crosses 80 %, 90 % and 100 %. */
  count(): Promise<number>;
  /** Calls made so far this month. */
  used(): Promise<number>;
}

/**
 * The organisation's monthly OpenAPI budget (5,000 calls for standard-edition orgs), counted in
 * Redis across every process. Months are China months, as DingTalk counts them.
 */
export function createApiQuota(deps: {
  readonly redis: Redis;
  readonly keyPrefix: string;
  readonly monthlyQuota: number;
  readonly now: () => Date;
  readonly logger: Logger;
}): ApiQuota {
  const keyOf = () =>
    `${deps.keyPrefix}:${new Date(deps.now().getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7)}`;
  return {
    async count() {
      const key = keyOf();
      const used = await deps.redis.incr(key);
      if (used === 1) await deps.redis.expire(key, 40 * 24 * 60 * 60);
      const crossed = WARN_SHARES.find((share) => used === Math.ceil(deps.monthlyQuota * share));
      if (crossed !== undefined) {
        deps.logger.warn(
          { used, quota: deps.monthlyQuota },
          `DingTalk API calls this month reached ${Math.round(crossed * 100)}% of the quota`,
        );
      }
      return used;
    },
    async used() {
      return Number((await deps.redis.get(keyOf())) ?? 0);
    },
  };
}
