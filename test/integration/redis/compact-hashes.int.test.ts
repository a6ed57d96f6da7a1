import { afterEach, describe, expect, it } from 'vitest';
import { createBullmqPingScheduler } from '../../../src/infra/queue/bullmq-ping-scheduler.js';
import { createQueues } from '../../../src/infra/queue/queues.js';
import {
  COMPACT_HASH_VALUE_BYTES,
  ensureCompactHashes,
  keepCompactHashes,
} from '../../../src/infra/redis/compact-hashes.js';
import { createRedis } from '../../../src/infra/redis/redis-connection.js';
import { startRestartableRedis } from '../../helpers/private-redis.js';
import { createTestLogger, silentLogger } from '../../helpers/test-logger.js';
import { waitFor } from '../../helpers/wait-for.js';

type TestRedis = Awaited<ReturnType<typeof startRestartableRedis>>;

/** Redis as a user installs it (default settings), and Baton's start-up check of it. */
describe('compact hashes for scheduled pings', () => {
  let server: TestRedis | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  const connect = async (url: string) => {
    const redis = createRedis(url, silentLogger);
    await redis.connect();
    return redis;
  };
  const setting = async (redis: Awaited<ReturnType<typeof connect>>) =>
    Number(((await redis.config('GET', 'hash-max-listpack-value')) as string[])[1]);

  it('raises the setting of a default Redis, so a scheduled ping is a listpack, and again after a restart', async () => {
    server = await startRestartableRedis();
    const redis = await connect(server.url);
    const { logger, lines } = createTestLogger();
    try {
      expect(await setting(redis)).toBe(64);
      expect(await keepCompactHashes(redis, logger)).toBe('raised');
      expect(await setting(redis)).toBe(COMPACT_HASH_VALUE_BYTES);
      expect(lines().some((l) => l.msg.startsWith('raised a Redis setting'))).toBe(true);
      expect(await ensureCompactHashes(redis, logger)).toBe('already');

      const queues = createQueues(redis, 'compact');
      const scheduler = createBullmqPingScheduler({ queues, redis, queuePrefix: 'compact' });
      const nodeId = 'nod_0123456789abcdef0123';
      const id = `escalate-${nodeId}-v1-0`;
      await scheduler.setNodePings(nodeId, [
        { id, nodeId, deadlineVersion: 1, at: new Date(Date.now() + 86_400_000) },
      ]);
      expect(await redis.object('ENCODING', `{compact}:schedule:${id}`)).toBe('listpack');
      await queues.close();

      await server.restart(100);
      await waitFor(
        async () => (await setting(redis).catch(() => 0)) === COMPACT_HASH_VALUE_BYTES,
        {
          what: 'the setting raised again after Redis restarted',
        },
      );
    } finally {
      redis.disconnect();
    }
  });

  it('keeps working with a warning when Redis refuses CONFIG', async () => {
    server = await startRestartableRedis(['--rename-command', 'CONFIG', '']);
    const redis = await connect(server.url);
    const { logger, lines } = createTestLogger();
    try {
      expect(await ensureCompactHashes(redis, logger)).toBe('refused');
      const warning = lines().find((l) => l.msg.startsWith('Redis refused CONFIG'));
      expect(warning?.level).toBe(40);
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});
