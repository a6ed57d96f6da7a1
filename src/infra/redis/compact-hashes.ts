import { type Redis, ReplyError } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Redis keeps a hash as a compact listpack only while each value is at most
 * `hash-max-listpack-value` bytes. A scheduled ping's job options run to about 130 bytes, over
 * Redis' default of 64, and as a hash table each ping costs about 1.1 KB instead of 0.7 KB
 * (docs/BENCHMARKS.md).
 */
export const COMPACT_HASH_VALUE_BYTES = 512;

export type CompactHashesOutcome = 'already' | 'raised' | 'refused';

/**
 * Raises the Redis setting when it is lower, and says so; a Redis that refuses CONFIG (many
 * managed ones) keeps working, with a warning that names the setting to change.
 */
export async function ensureCompactHashes(
  redis: Redis,
  logger: Logger,
): Promise<CompactHashesOutcome> {
  const setting = 'hash-max-listpack-value';
  try {
    const [, current] = (await redis.config('GET', setting)) as string[];
    const bytes = Number(current);
    if (bytes >= COMPACT_HASH_VALUE_BYTES) return 'already';
    await redis.config('SET', setting, String(COMPACT_HASH_VALUE_BYTES));
    logger.info(
      { setting, from: bytes, to: COMPACT_HASH_VALUE_BYTES },
      'raised a Redis setting so each scheduled ping takes about 0.7 KB instead of 1.1 KB; put it in redis.conf to keep it across Redis restarts (BATON_REDIS_TUNING=off leaves Redis as it is)',
    );
    return 'raised';
  } catch (err) {
    if (!(err instanceof ReplyError)) throw err;
    logger.warn(
      { setting, wanted: COMPACT_HASH_VALUE_BYTES, err: (err as Error).message },
      'Redis refused CONFIG: each scheduled ping takes about 1.1 KB instead of 0.7 KB; set hash-max-listpack-value 512 in the Redis configuration',
    );
    return 'refused';
  }
}

/** Applies the setting now and again whenever the connection comes back (Redis may have restarted). */
export async function keepCompactHashes(
  redis: Redis,
  logger: Logger,
): Promise<CompactHashesOutcome> {
  redis.on('ready', () => {
    ensureCompactHashes(redis, logger).catch((err: Error) =>
      logger.warn({ err: err.message }, 'could not check the Redis hash setting after a reconnect'),
    );
  });
  return ensureCompactHashes(redis, logger);
}
