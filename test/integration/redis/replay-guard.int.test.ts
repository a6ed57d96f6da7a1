import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/infra/redis/redis-connection.js';
import { createRedisReplayGuard } from '../../../src/infra/redis/replay-guard.redis.js';
import { freePort } from '../../helpers/free-port.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';

describe('replay marks in Redis', () => {
  let redis: Redis;
  let prefix: string;
  beforeAll(async () => {
    redis = await connectTestRedis();
    prefix = `{${testQueuePrefix()}}:replay`;
  });
  afterAll(() => redis.disconnect());

  it('keeps a new mark, knows the same request again, and tells a different one apart', async () => {
    const guard = createRedisReplayGuard(redis, prefix);
    expect(await guard.see('bot:1700000000:n1', 'POST aaa', 60_000)).toBe('new');
    expect(await guard.see('bot:1700000000:n1', 'POST aaa', 60_000)).toBe('same');
    expect(await guard.see('bot:1700000000:n1', 'POST bbb', 60_000)).toBe('conflict');
    // A conflict leaves the first fingerprint in place.
    expect(await guard.see('bot:1700000000:n1', 'POST aaa', 60_000)).toBe('same');
    expect(await redis.get(`${prefix}:bot:1700000000:n1`)).toBe('POST aaa');
    expect(await redis.pttl(`${prefix}:bot:1700000000:n1`)).toBeGreaterThan(59_000);
  });

  it('forgets a mark after its time', async () => {
    const guard = createRedisReplayGuard(redis, prefix);
    expect(await guard.see('short', 'one', 50)).toBe('new');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await guard.see('short', 'two', 50)).toBe('new');
  });

  it('rejects within a second when Redis does not answer', async () => {
    const away = createRedis(`redis://127.0.0.1:${await freePort()}`, silentLogger);
    try {
      const started = Date.now();
      await expect(createRedisReplayGuard(away, prefix).see('x', 'y', 1_000)).rejects.toThrow(
        /in time/,
      );
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      away.disconnect();
    }
  });
});
