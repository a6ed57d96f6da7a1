import type { Redis } from 'ioredis';
import type { ReplayGuard, ReplayVerdict } from '../../ports/replay-guard.port.js';

/**
 * A callback waits on this check; the connection queues commands while Redis is away, so the
 * answer is given up on quickly and the platform told to come back.
 */
const ANSWER_WITHIN_MS = 500;

/** One round trip: keep the fingerprint if the mark is new, else compare it with the kept one. */
const SEE = `local kept = redis.call('GET', KEYS[1])
if not kept then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 'new'
end
if kept == ARGV[1] then return 'same' end
return 'conflict'`;

/**
 * Replay marks as Redis strings under `keyPrefix` (the deployment's hash-tagged prefix). A check
 * given up on may still run once Redis is back; the mark it keeps is that of a request the
 * platform sends again unchanged, which then finds it `same`.
 */
export function createRedisReplayGuard(redis: Redis, keyPrefix: string): ReplayGuard {
  return {
    async see(mark, fingerprint, ttlMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error('Redis did not answer the replay check in time')),
          ANSWER_WITHIN_MS,
        );
      });
      try {
        const verdict = await Promise.race([
          redis.eval(SEE, 1, `${keyPrefix}:${mark}`, fingerprint, Math.ceil(ttlMs)),
          timeout,
        ]);
        return verdict as ReplayVerdict;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
