import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Extends the lease only while this process still holds it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`;

/** Gives the lease back only if this process still holds it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

export interface LeaderLease {
  readonly held: () => boolean;
  /** Stops campaigning; if held, runs `onLost` first, then gives the lease back. */
  close(): Promise<void>;
}

/**
 * A Redis lease that elects one holder among the processes campaigning for the same key.
 * Every third of the TTL the holder renews it and the others try to take it, so a holder that
 * dies is replaced within about 1⅓ TTL, and one that shuts down cleanly within a third of it.
 * A holder that cannot renew in time (Redis unreachable) gives up before its lease lapses, so
 * two processes never both believe they hold it for long.
 */
export function startLeaderLease(deps: {
  readonly redis: Redis;
  readonly key: string;
  readonly holderId: string;
  readonly ttlMs: number;
  readonly logger: Logger;
  readonly onAcquired: () => Promise<void>;
  readonly onLost: () => Promise<void>;
}): LeaderLease {
  const intervalMs = Math.max(100, Math.floor(deps.ttlMs / 3));
  let held = false;
  let renewedAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const lose = async (why: string) => {
    held = false;
    deps.logger.warn({ key: deps.key, why }, 'gave up the WeCom long-connection lease');
    try {
      await deps.onLost();
    } catch (err) {
      deps.logger.error({ err }, 'closing the WeCom long connection failed');
    }
  };

  const tick = async () => {
    try {
      if (held) {
        const renewed = await deps.redis.eval(RENEW, 1, deps.key, deps.holderId, deps.ttlMs);
        if (renewed === 1) renewedAt = Date.now();
        else await lose('another process holds it');
        return;
      }
      const taken = await deps.redis.set(deps.key, deps.holderId, 'PX', deps.ttlMs, 'NX');
      if (taken !== 'OK') return;
      held = true;
      renewedAt = Date.now();
      deps.logger.info({ key: deps.key }, 'holding the WeCom long-connection lease');
      await deps.onAcquired();
    } catch (err) {
      deps.logger.warn({ err, key: deps.key }, 'WeCom long-connection lease check failed');
      if (held && Date.now() - renewedAt > deps.ttlMs - intervalMs) await lose('cannot renew');
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
  };
  running = tick().finally(schedule);

  return {
    held: () => held,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (!held) return;
      held = false;
      await deps.onLost();
      await deps.redis.eval(RELEASE, 1, deps.key, deps.holderId);
    },
  };
}
