import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, firedPings } from '../../src/infra/db/schema/index.js';
import type { PrivateRedis } from '../../src/infra/redis/private-redis.js';
import { startEngine } from '../helpers/engine.js';
import { startTestRedisServer } from '../helpers/private-redis.js';
import { waitFor } from '../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

const OWNERS = ['张三', '李四', '孙八', '周九', '吴十'] as const;
const OWNER_IDS = ['zhangsan', 'lisi', 'sunba', 'zhoujiu', 'wushi'] as const;

describe('Redis loses everything (FLUSHALL) in the middle of a schedule', () => {
  let redisServer: PrivateRedis;
  let engine: Engine;
  beforeEach(async () => {
    redisServer = await startTestRedisServer();
    engine = await startEngine('test/fixtures/org/fast-ladder.yaml', {
      redisUrl: redisServer.url,
      env: { BATON_REDIS_CHECK_MS: '500' },
    });
  });
  afterEach(async () => {
    await engine.stop();
    await redisServer.stop();
  });

  it('rebuilds the schedule from Postgres and sends every ping exactly once', async () => {
    for (const [i, owner] of OWNERS.entries())
      await engine.say('office', 'zhengyi', `/任务 设备检查${i + 1}\n巡检 @${owner} 8秒内`);
    // Each node: a reminder at 50%, level 1 at the deadline, level 2 two seconds later.
    const scheduled = () => engine.queues.queue('schedule').getDelayedCount();
    await waitFor(async () => (await scheduled()) === OWNERS.length * 3, {
      what: 'every ping scheduled',
    });

    await engine.redis.flushall();
    expect(await scheduled()).toBe(0);

    await waitFor(
      async () => {
        const [row] = await engine.database.db.select({ n: count() }).from(firedPings);
        return row?.n === OWNERS.length * 3;
      },
      { what: 'all 15 pings fired after the rebuild', timeoutMs: 30_000 },
    );
    for (const id of OWNER_IDS) {
      await waitFor(async () => (await engine.texts(`user:${id}`)).some((t) => /第1级/.test(t)), {
        what: `level 1 reached ${id}`,
        timeoutMs: 15_000,
      });
      const texts = await engine.texts(`user:${id}`);
      expect(
        texts.filter((t) => /【提醒】/.test(t)),
        id,
      ).toHaveLength(1);
      expect(
        texts.filter((t) => /第1级/.test(t)),
        id,
      ).toHaveLength(1);
    }
    await waitFor(
      async () =>
        (await engine.texts('coordination')).filter((t) => /第2级/.test(t)).length ===
        OWNERS.length,
      { what: 'level 2 for each task in the coordination chat', timeoutMs: 15_000 },
    );
    const unfinished = await engine.database.db
      .select({ n: count() })
      .from(deliveries)
      .where(eq(deliveries.status, 'pending'));
    expect(unfinished[0]?.n).toBe(0);
  }, 60_000);
});
