import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { ChatBudget } from '../../ports/chat-budget.port.js';
import type { MessageBudget } from '../../ports/chat-platform.port.js';
import { targetKey } from '../db/repositories/delivery-store.drizzle.js';

/** Per-chat message budgets in Redis (rate-limiter-flexible), one limiter per rate. */
export function createRedisChatBudget(redis: Redis, keyPrefix: string): ChatBudget {
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = ({ messages, windowMs }: MessageBudget) => {
    const name = `${messages}per${windowMs}`;
    let limiter = limiters.get(name);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:budget:${name}`,
        points: messages,
        duration: windowMs / 1000,
      });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  const keyOf = (platform: string, target: Parameters<ChatBudget['take']>[1]) => {
    const key = targetKey(target);
    return `${platform}:${key.kind}:${key.id}`;
  };
  return {
    async giveBack(platform, target, budget) {
      await limiterFor(budget).reward(keyOf(platform, target), 1);
    },
    async take(platform, target, budget) {
      try {
        await limiterFor(budget).consume(keyOf(platform, target));
        return { ok: true };
      } catch (rejection) {
        // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, and with
        // an Error when Redis fails; only the former is an answer.
        if (rejection instanceof RateLimiterRes) {
          return { ok: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
        }
        throw rejection;
      }
    },
  };
}
