import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOutboxWakeupPublisher,
  subscribeOutboxWakeup,
} from '../../../src/infra/outbox/outbox-wakeup.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

describe('outbox wake-ups between a serve process and the workers', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectTestRedis();
  });
  afterAll(() => redis.disconnect());

  it('wakes every worker of the deployment, and none of another', async () => {
    const prefix = testQueuePrefix();
    const woken = { first: 0, second: 0, other: 0 };
    const first = await subscribeOutboxWakeup(redis, prefix, () => woken.first++, silentLogger);
    const second = await subscribeOutboxWakeup(redis, prefix, () => woken.second++, silentLogger);
    const other = await subscribeOutboxWakeup(
      redis,
      testQueuePrefix(),
      () => woken.other++,
      silentLogger,
    );
    try {
      const wake = createOutboxWakeupPublisher(redis, prefix, silentLogger);
      wake();
      wake();
      await waitFor(() => woken.first === 2 && woken.second === 2, { timeoutMs: 5_000 });
      expect(woken.other).toBe(0);
    } finally {
      await Promise.all([first.close(), second.close(), other.close()]);
    }
  });
});
