/**
 * Slash command → task created in Postgres → its card sent to the platform, end to end through
 * the real engine (inbound handler, outbox relay, BullMQ delivery worker, simulator platform),
 * at a steady arrival rate. Latency = the card's `sent_at` − the moment the command arrived.
 * BENCH_RATE (commands/s, default 100) for BENCH_SECONDS (default 10), after BENCH_WARMUP_SECONDS
 * (default 2) at the same rate that are not counted: a server that has been running has its
 * code compiled, its connection pools full and its caches loaded.
 *
 * BENCH_SPLIT=1 runs the deployment's scale-out shape instead of one `baton all`: this process
 * takes the commands as `baton serve` would, and a `baton worker` child process relays, sends and
 * schedules, so the two use both cores.
 */
import { readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { loadConfig } from '../src/infra/config/config.js';
import { importOrgFile } from '../src/infra/db/repositories/org-import.drizzle.js';
import { deliveries } from '../src/infra/db/schema/index.js';
import { parseOrgFile } from '../src/infra/org/org-file.parser.js';
import { createOutboxWakeupPublisher } from '../src/infra/outbox/outbox-wakeup.js';
import { createQueues } from '../src/infra/queue/queues.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { createInboundHandler } from '../src/main/inbound.js';
import { startWorkers } from '../src/main/workers.js';
import { benchDatabase, ms, percentile, printTable, quiet, REDIS_URL } from './bench-kit.js';
import { startWorkerProcess } from './worker-process.js';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';
const OWNERS = ['张三', '李四', '孙八', '周九', '吴十'];
const SPLIT = process.env.BENCH_SPLIT === '1';

const database = await benchDatabase();
const redis = createRedis(REDIS_URL, quiet);
await redis.connect();
const prefix = `bench-cmd-${Date.now()}`;
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
  const workers = SPLIT
    ? await startWorkerProcess({ DATABASE_URL: database.url, BATON_QUEUE_PREFIX: prefix }, redis)
    : await startWorkers(config, infra, queues, quiet);
  const inbound = createInboundHandler(
    config,
    infra,
    SPLIT ? createOutboxWakeupPublisher(redis, prefix, quiet) : () => workers.poke(),
  );

  const arrived = new Map<string, number>();
  const total = RATE * SECONDS;
  const warmup = RATE * WARMUP_SECONDS;
  let started = Date.now();
  let cpuBefore = process.cpuUsage();
  const handled: Promise<unknown>[] = [];
  for (let i = 0; i < warmup + total; i++) {
    if (i === warmup) {
      started = Date.now();
      cpuBefore = process.cpuUsage();
    }
    // `started` moves to the first measured command, so each phase counts from its own start.
    const due = started + ((i < warmup ? i : i - warmup) * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const messageId = `bench-${i}`;
    if (i >= warmup) arrived.set(`in-sim-${messageId}`, Date.now());
    handled.push(
      inbound.handle({
        type: 'message',
        platform: 'sim',
        tenantKey: 'default',
        messageId,
        // One chat per command: the per-chat budget (20 a minute) is not what is measured here.
        chat: { chatId: `bench-chat-${i}`, isGroup: true },
        sender: { platformUserId: 'zhaoliu', displayName: null },
        text: `/任务 压测${i}\n处理 @${OWNERS[i % OWNERS.length]} 3个工作日内`,
        mentions: [],
        receivedAt: new Date(),
        replyHandle: null,
      }),
    );
  }
  await Promise.all(handled);
  const offered = total / ((Date.now() - started) / 1000);
  const cardsSent = async () =>
    database.db
      .select({ key: deliveries.dedupeKey, sentAt: deliveries.sentAt })
      .from(deliveries)
      .where(and(eq(deliveries.purpose, 'task-card'), inArray(deliveries.status, ['sent'])));
  let cards = await cardsSent();
  const deadline = Date.now() + 120_000;
  while (cards.length < warmup + total && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    cards = await cardsSent();
  }
  const latencies = cards.flatMap((c) => {
    const key = [...arrived.keys()].find((k) => c.key.startsWith(`${k}-`));
    const at = key ? arrived.get(key) : undefined;
    return at !== undefined && c.sentAt ? [c.sentAt.getTime() - at] : [];
  });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerCommand = (cpu.user + cpu.system) / 1000 / total;
  await workers.close();
  await queues.close();
  printTable(
    `Slash command → task → card sent (real engine, simulator platform, ${SPLIT ? 'serve + worker processes' : 'one process'})`,
    ['offered rate', 'commands', 'cards sent', 'p50', 'p90', 'p99', 'max', 'CPU/command here'],
    [
      [
        `${offered.toFixed(0)}/s`,
        String(total),
        String(latencies.length),
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 90)),
        ms(percentile(latencies, 99)),
        ms(Math.max(...latencies)),
        ms(cpuPerCommand),
      ],
    ],
  );
} finally {
  redis.disconnect();
  await database.drop();
}
