import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { count, gt, inArray } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/infra/config/config.js';
import { importOrgFile } from '../../src/infra/db/repositories/org-import.drizzle.js';
import { createSimTranscript } from '../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { deliveries, firedPings } from '../../src/infra/db/schema/index.js';
import { parseOrgFile } from '../../src/infra/org/org-file.parser.js';
import { createInboundHandler } from '../../src/main/inbound.js';
import type { InboundHandler } from '../../src/ports/inbound-handler.port.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { connectTestRedis, TEST_REDIS_URL, testQueuePrefix } from '../helpers/test-redis.js';
import { waitFor } from '../helpers/wait-for.js';

const ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';
const OWNERS = [
  'zhangsan',
  'lisi',
  'sunba',
  'zhoujiu',
  'wushi',
  'zhengyi',
  'fengshier',
  'chenshisan',
];
const NAMES: Record<string, string> = {
  zhangsan: '张三',
  lisi: '李四',
  sunba: '孙八',
  zhoujiu: '周九',
  wushi: '吴十',
  zhengyi: '郑一',
  fengshier: '冯十二',
  chenshisan: '陈十三',
};
/** Per node: a reminder at half time, level 1 at the deadline, level 2 two seconds later. */
const PINGS_PER_NODE = 3;

describe('a worker process killed with SIGKILL in the middle of a burst of pings', () => {
  let database: TestDatabase;
  let redis: Redis;
  let inbound: InboundHandler;
  const prefix = testQueuePrefix();
  const workers: ChildProcess[] = [];

  const startWorker = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'worker'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        BATON_QUEUE_PREFIX: prefix,
        BATON_ORG_FILE: ORG_FILE,
        // The killed worker's jobs and claims are taken over after this long.
        BATON_JOB_LOCK_MS: '2000',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    await importOrgFile(database.db, parseOrgFile(readFileSync(ORG_FILE, 'utf8'), ORG_FILE));
    redis = await connectTestRedis();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    });
    const infra = { database, redis, redisUrl: TEST_REDIS_URL, close: async () => undefined };
    // The server side only: the worker child relays the outbox (it polls).
    inbound = createInboundHandler(config, infra, () => undefined);
  });
  afterEach(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    redis.disconnect();
    await database.destroy();
  });

  const sentCount = async () => {
    const [row] = await database.db
      .select({ n: count() })
      .from(deliveries)
      .where(inArray(deliveries.status, ['sent', 'merged']));
    return row?.n ?? 0;
  };

  it('loses nothing: another worker delivers every ping, and the log has each once', async () => {
    const first = startWorker();
    await waitFor(async () => (await redis.exists(`{${prefix}}:intact`)) === 1, {
      what: 'the first worker up',
      timeoutMs: 30_000,
    });
    for (const [i, owner] of OWNERS.entries()) {
      await inbound.handle({
        type: 'message',
        platform: 'sim',
        tenantKey: 'default',
        messageId: `burst-${i}`,
        chat: { chatId: `office-${i}`, isGroup: true },
        sender: { platformUserId: 'zhaoliu', displayName: null },
        text: `/任务 巡检${i + 1}\n检查 @${NAMES[owner]} 6秒内`,
        mentions: [],
        receivedAt: new Date(),
        replyHandle: null,
      });
    }
    // Cards and notices go at once; kill the worker once the reminders are under way.
    await waitFor(
      async () => {
        const [row] = await database.db.select({ n: count() }).from(firedPings);
        return (row?.n ?? 0) >= 3;
      },
      { what: 'the burst under way', timeoutMs: 20_000 },
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const sentAtKill = await sentCount();

    startWorker();
    const expectedPings = OWNERS.length * PINGS_PER_NODE;
    await waitFor(
      async () => {
        const [row] = await database.db.select({ n: count() }).from(firedPings);
        return row?.n === expectedPings;
      },
      { what: `all ${expectedPings} pings fired`, timeoutMs: 45_000 },
    );
    await waitFor(
      async () => {
        const rows = await database.db.select({ status: deliveries.status }).from(deliveries);
        return rows.every((r) => r.status === 'sent' || r.status === 'merged');
      },
      { what: 'every delivery sent', timeoutMs: 30_000 },
    );
    expect(await sentCount()).toBeGreaterThan(sentAtKill);

    // The delivery log: each ping reached each recipient once (keys are unique), none dead.
    const rows = await database.db.select().from(deliveries);
    const pingRows = rows.filter((r) => r.purpose === 'reminder' || r.purpose === 'escalation');
    expect(pingRows.length).toBeGreaterThanOrEqual(expectedPings);
    expect(new Set(pingRows.map((r) => r.dedupeKey)).size).toBe(pingRows.length);

    // What people saw: every reminder arrived; a repeat is only possible for a delivery the
    // killed worker had sent but not yet recorded (it was retried: attempts > 1).
    const transcript = createSimTranscript(database.db);
    const retried = await database.db
      .select({ n: count() })
      .from(deliveries)
      .where(gt(deliveries.attempts, 1));
    let reminders = 0;
    for (const owner of OWNERS) {
      const seen = (await transcript.list(`user:${owner}`, 200)).filter((e) =>
        /【提醒】/.test(e.body.kind === 'card' ? (e.body.card.note ?? '') : JSON.stringify(e.body)),
      ).length;
      expect(seen, owner).toBeGreaterThanOrEqual(1);
      reminders += seen;
    }
    expect(reminders).toBeLessThanOrEqual(OWNERS.length + (retried[0]?.n ?? 0));
  }, 120_000);
});
