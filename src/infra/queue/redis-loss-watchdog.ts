import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { bullPrefix } from './queue-names.js';

/**
 * Notices that Redis lost Baton's data (FLUSHALL, a restart without persistence, a failover to
 * an empty replica) and calls `restore`. Redis holds only the schedule and queue jobs, which
 * Postgres can rebuild; but nothing else would tell the workers that the jobs — including the
 * repeatable reconciliation itself — are gone. A sentinel key, written once restored, is checked
 * every `everyMs` by each worker process; several restoring at once is harmless (idempotent).
 */
export function startRedisLossWatchdog(deps: {
  redis: Redis;
  queuePrefix: string;
  everyMs: number;
  logger: Logger;
  restore: () => Promise<unknown>;
}): { close(): void } {
  const sentinel = `${bullPrefix(deps.queuePrefix)}:intact`;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      if ((await deps.redis.exists(sentinel)) === 1) return;
      deps.logger.warn(
        'Redis lost the schedule (flushed or replaced); rebuilding it from Postgres',
      );
      const result = await deps.restore();
      await deps.redis.set(sentinel, new Date().toISOString());
      deps.logger.info({ result }, 'schedule and queues rebuilt from Postgres');
    } catch (err) {
      // Redis down or Postgres unreachable: the next check tries again.
      deps.logger.warn({ err: (err as Error).message }, 'could not check or rebuild the schedule');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), deps.everyMs);
  timer.unref();
  return {
    close: () => clearInterval(timer),
  };
}

/** Marks Redis as holding a complete schedule (after the start-up reconciliation). */
export async function markRedisIntact(redis: Redis, queuePrefix: string): Promise<void> {
  await redis.set(`${bullPrefix(queuePrefix)}:intact`, new Date().toISOString());
}
