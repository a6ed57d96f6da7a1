import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrivateRedis, startPrivateRedis } from '../../src/infra/redis/private-redis.js';
import { silentLogger } from './test-logger.js';

/** A redis-server of the test's own, which it may flush or stop without touching other tests. */
export async function startTestRedisServer(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-redis-'));
  const redis = await startPrivateRedis(dir, silentLogger);
  return {
    url: redis.url,
    async stop() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
