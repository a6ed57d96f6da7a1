/**
 * Card click → state change in Postgres → updated card answered: the time from a tap on 完成 to
 * the engine handing back the card as it now is (what WeCom's 5-second window and DingTalk's
 * callback ack carry). Real engine in one process, workers running, so the card updates, the
 * next node's schedule and the deliveries the clicks cause compete for the same CPU.
 * BENCH_RATES clicks/s (default 20,50,100), each for BENCH_SECONDS (default 5).
 */
import { readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { loadConfig } from '../src/infra/config/config.js';
import { importOrgFile } from '../src/infra/db/repositories/org-import.drizzle.js';
import { nodes, tasks } from '../src/infra/db/schema/index.js';
import { parseOrgFile } from '../src/infra/org/org-file.parser.js';
import { createQueues } from '../src/infra/queue/queues.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { createInboundHandler } from '../src/main/inbound.js';
import { startWorkers } from '../src/main/workers.js';
import type { InboundHandler } from '../src/ports/inbound-handler.port.js';
import { benchDatabase, ms, percentile, printTable, quiet, REDIS_URL } from './bench-kit.js';

const RATES = (process.env.BENCH_RATES ?? '20,50,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';

const say = (inbound: InboundHandler, i: number) =>
  inbound.handle({
    type: 'message',
    platform: 'sim',
    tenantKey: 'default',
    messageId: `setup-${i}`,
    chat: { chatId: `bench-chat-${i % 50}`, isGroup: true },
    sender: { platformUserId: 'zhaoliu', displayName: null },
    text: `/任务 点击${i}\n处理 @张三 3个工作日内\n复核 @李四 3个工作日内`,
    mentions: [],
    receivedAt: new Date(),
    replyHandle: null,
  });

/** Creates `count` tasks, four at a time; returns each one's first node, ready to be tapped. */
async function createTasks(
  inbound: InboundHandler,
  db: Awaited<ReturnType<typeof benchDatabase>>['db'],
  count: number,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) await say(inbound, next++);
    }),
  );
  return db
    .select({ taskId: nodes.taskId, nodeId: nodes.id })
    .from(nodes)
    .innerJoin(tasks, eq(tasks.id, nodes.taskId))
    .where(and(eq(nodes.seq, 1), inArray(nodes.status, ['active'])));
}

async function clickAt(
  inbound: InboundHandler,
  targets: { taskId: string; nodeId: string }[],
  rate: number,
): Promise<string[]> {
  const latencies: number[] = [];
  let withoutCard = 0;
  const started = Date.now();
  const clicks: Promise<void>[] = [];
  for (let i = 0; i < targets.length; i++) {
    const wait = started + (i * 1000) / rate - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const target = targets[i] as { taskId: string; nodeId: string };
    const at = performance.now();
    clicks.push(
      inbound
        .handle({
          type: 'card-action',
          platform: 'sim',
          tenantKey: 'default',
          eventId: `click-${rate}-${i}`,
          chat: null,
          user: { platformUserId: 'zhangsan', displayName: null },
          cardRef: '',
          actionId: 'node.done',
          value: { taskId: target.taskId, nodeId: target.nodeId },
          receivedAt: new Date(),
          replyHandle: null,
        })
        .then((outcome) => {
          if (outcome.updatedCard) latencies.push(performance.now() - at);
          else withoutCard++;
        }),
    );
  }
  await Promise.all(clicks);
  const offered = targets.length / ((Date.now() - started) / 1000);
  return [
    `${offered.toFixed(0)}/s`,
    String(targets.length),
    String(withoutCard),
    ms(percentile(latencies, 50)),
    ms(percentile(latencies, 90)),
    ms(percentile(latencies, 99)),
    ms(Math.max(...latencies)),
  ];
}

const database = await benchDatabase();
const redis = createRedis(REDIS_URL, quiet);
await redis.connect();
const prefix = `bench-click-${Date.now()}`;
try {
  await importOrgFile(database.db, parseOrgFile(readFileSync(ORG_FILE, 'utf8'), ORG_FILE));
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL,
    BATON_QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
  });
  const infra = { database, redis, redisUrl: REDIS_URL, close: async () => undefined };
  const queues = createQueues(redis, prefix);
  const workers = await startWorkers(config, infra, queues, quiet);
  const inbound = createInboundHandler(config, infra, () => workers.poke());
  const needed = RATES.reduce((sum, rate) => sum + rate * SECONDS, 0);
  process.stderr.write(`card-click bench: creating ${needed} tasks…\n`);
  const targets = await createTasks(inbound, database.db, needed);
  if (targets.length < needed) throw new Error(`only ${targets.length} of ${needed} tasks created`);
  // Let the creation's cards and schedules settle before measuring.
  await new Promise((r) => setTimeout(r, 5_000));
  const rows: string[][] = [];
  let used = 0;
  for (const rate of RATES) {
    rows.push(await clickAt(inbound, targets.slice(used, used + rate * SECONDS), rate));
    used += rate * SECONDS;
  }
  await workers.close();
  await queues.close();
  printTable(
    'Card click → task updated in Postgres → updated card answered (real engine, one process)',
    ['offered rate', 'clicks', 'without card', 'p50', 'p90', 'p99', 'max'],
    rows,
  );
} finally {
  redis.disconnect();
  await database.drop();
}
