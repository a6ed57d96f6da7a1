import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/infra/config/config.js';
import { importOrgFile } from '../../../src/infra/db/repositories/org-import.drizzle.js';
import { deliveries, personSettings } from '../../../src/infra/db/schema/index.js';
import { parseOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { QUEUE_NAMES } from '../../../src/infra/queue/queue-names.js';
import { createQueues, type Queues } from '../../../src/infra/queue/queues.js';
import { createInboundHandler } from '../../../src/main/inbound.js';
import { startReportJobs } from '../../../src/main/report-jobs.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, TEST_REDIS_URL, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';
/** Monday 2026-11-16 09:00 and Saturday 2026-11-21 09:00 in Shanghai. */
const MONDAY = new Date('2026-11-16T01:00:00Z');
const SATURDAY = new Date('2026-11-21T01:00:00Z');

describe('weekly report and daily digest jobs with two workers', () => {
  let database: TestDatabase;
  let redis: Redis;
  let queues: Queues;
  let clock = MONDAY;
  const workers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await importOrgFile(database.db, parseOrgFile(readFileSync(ORG_FILE, 'utf8'), ORG_FILE));
    redis = await connectTestRedis();
    const prefix = testQueuePrefix();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    });
    const infra = { database, redis, redisUrl: TEST_REDIS_URL, close: async () => undefined };
    queues = createQueues(redis, prefix);
    const inbound = createInboundHandler(config, infra, () => undefined);
    let n = 0;
    const say = (person: string, text: string) =>
      inbound.handle({
        type: 'message',
        platform: 'sim',
        tenantKey: 'default',
        messageId: `rj-${++n}`,
        chat: { chatId: 'office', isGroup: true },
        sender: { platformUserId: person, displayName: null },
        text,
        mentions: [],
        receivedAt: new Date(),
        replyHandle: null,
      });
    await say('zhengyi', '/任务 空调维修\n联系供应商 @张三 明天18:00');
    await say('zhengyi', '/任务 年会场地\n订场地 @张三 3天内\n付定金 @李四 5天内');
    await say('zhengyi', '/任务 仓库盘点\n盘点 @周九 2天内');
    await database.db
      .insert(personSettings)
      .values({ tenantId: 'default', personId: 'zhoujiu', dailyDigest: false });
    for (let i = 0; i < 2; i++) {
      workers.push(
        await startReportJobs(
          config,
          infra,
          queues,
          silentLogger,
          () => undefined,
          () => clock,
        ),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await queues.close();
    redis.disconnect();
    await database.destroy();
  });

  const sent = async (purpose: string) =>
    database.db.select().from(deliveries).where(eq(deliveries.purpose, purpose));
  /** Runs a job as the scheduler would, under a fresh id, and waits for it to finish. */
  const run = async (name: 'weekly-report' | 'daily-digest', id: string) => {
    await queues.add(name, { version: 1 }, { jobId: id });
    const queue = queues.queue(QUEUE_NAMES.report);
    await waitFor(async () => (await queue.getJob(id))?.finishedOn, { what: `job ${id}` });
    const job = await queue.getJob(id);
    expect(job?.failedReason).toBeUndefined();
  };

  it('keeps one schedule per job however many workers start', async () => {
    const schedulers = await queues.queue(QUEUE_NAMES.report).getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['daily-digest', '0 9 * * *', 'Asia/Shanghai'],
      ['weekly-report', '0 9 * * *', 'Asia/Shanghai'],
    ]);
  });

  it('posts one report per coordination chat per week, however often the job runs', async () => {
    clock = MONDAY;
    await Promise.all([run('weekly-report', 'wr-1'), run('weekly-report', 'wr-2')]);
    await run('weekly-report', 'wr-3');
    const reports = await sent('report');
    expect(reports.map((d) => [d.targetKind, d.targetId, d.dedupeKey])).toEqual([
      ['chat', 'coordination', 'report-default-2026-11-09-sim-coordination'],
    ]);
    const [report] = reports;
    if (!report) throw new Error('no report');
    expect((report.message as { card: { title: string } }).card.title).toBe(
      '📊 协作报告 11月9日—11月15日',
    );
    clock = SATURDAY;
    await run('weekly-report', 'wr-4');
    expect(await sent('report')).toHaveLength(1);
  });

  it('sends each person with open nodes one digest a working day, soonest first', async () => {
    clock = MONDAY;
    await Promise.all([run('daily-digest', 'dd-1'), run('daily-digest', 'dd-2')]);
    await run('daily-digest', 'dd-3');
    const digests = await sent('daily-digest');
    // 张三 owns two open nodes; 李四's waits for 张三; 周九 turned the digest off.
    expect(digests.map((d) => d.targetId)).toEqual(['zhangsan']);
    const [digest] = digests;
    if (!digest) throw new Error('no digest');
    const { card } = digest.message as { card: { title: string; steps: { ref: string }[] } };
    expect(card.title).toBe('☀️ 今日待办：2 项');
    expect(card.steps.map((s) => s.ref)).toEqual(['#1.1', '#2.1']);
    clock = SATURDAY;
    await run('daily-digest', 'dd-4');
    expect(await sent('daily-digest')).toHaveLength(1);
  });
});
