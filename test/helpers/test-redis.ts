import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedis } from '../../src/infra/redis/redis-connection.js';
import { silentLogger } from './test-logger.js';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of the test's own, so parallel files never see each other's keys. */
export function testQueuePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

export async function connectTestRedis(url = TEST_REDIS_URL): Promise<Redis> {
  const redis = createRedis(url, silentLogger);
  await redis.connect();
  return redis;
}
