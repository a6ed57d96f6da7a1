import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, firedPings, tasks } from '../../src/infra/db/schema/index.js';
import { startEngine } from '../helpers/engine.js';
import { startRestartableRedis } from '../helpers/private-redis.js';
import { waitFor } from '../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

const OWNERS = ['张三', '李四', '孙八'] as const;
const OWNER_IDS = ['zhangsan', 'lisi', 'sunba'] as const;
/** Each node: a reminder at 50%, level 1 at the deadline, level 2 two seconds later. */
const PINGS_PER_NODE = 3;

describe('Redis restarted (down, then up empty) in the middle of a schedule', () => {
  let redis: Awaited<ReturnType<typeof startRestartableRedis>>;
  let engine: Engine;
  beforeEach(async () => {
    redis = await startRestartableRedis();
    engine = await startEngine('test/fixtures/org/fast-ladder.yaml', {
      redisUrl: redis.url,
      env: { BATON_REDIS_CHECK_MS: '500' },
    });
  });
  afterEach(async () => {
    await engine.stop();
    await redis.stop();
  });

  const fired = async () => {
    const [row] = await engine.database.db.select({ n: count() }).from(firedPings);
    return row?.n ?? 0;
  };

  it('keeps a command taken while Redis was away, and fires every ping once after', async () => {
    for (const [i, owner] of OWNERS.entries())
      await engine.say('office', 'zhengyi', `/任务 设备检查${i + 1}\n巡检 @${owner} 10秒内`);
    await waitFor(
      async () =>
        (await engine.queues.queue('schedule').getDelayedCount()) ===
        OWNERS.length * PINGS_PER_NODE,
      { what: 'every ping scheduled' },
    );

    const restarted = redis.restart(1_500);
    // Taken while Redis is down: the engine writes Postgres only, the outbox keeps the rest.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await engine.say('office', 'zhengyi', '/任务 停电期间\n巡检 @周九 10秒内');
    expect(await engine.database.db.select().from(tasks)).toHaveLength(OWNERS.length + 1);
    await restarted;

    const total = (OWNERS.length + 1) * PINGS_PER_NODE;
    await waitFor(async () => (await fired()) === total, {
      what: `all ${total} pings fired after the restart`,
      timeoutMs: 40_000,
    });
    await waitFor(async () => (await engine.texts('office')).some((t) => t === '#4 停电期间'), {
      what: 'the card of the task taken while Redis was down',
      timeoutMs: 15_000,
    });
    for (const id of [...OWNER_IDS, 'zhoujiu']) {
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
        OWNERS.length + 1,
      { what: 'level 2 for each task in the coordination chat', timeoutMs: 15_000 },
    );
    const [pending] = await engine.database.db
      .select({ n: count() })
      .from(deliveries)
      .where(eq(deliveries.status, 'pending'));
    expect(pending?.n).toBe(0);
  }, 90_000);
});
