/**
 * The schedule on BullMQ: how fast pings are scheduled, what each costs in Redis memory, how late
 * they fire with many scheduled, and how long listing them (reconciliation's first step) takes.
 * Uses a redis-server of its own so the memory figures are clean. Sizes: BENCH_SIZES=1000,10000.
 *
 * Of the N scheduled, BENCH_FIRING (default 2,000, i.e. 100 a second) fall due within a 20-second
 * window, spread evenly over the plan, and the rest a day later: lateness is measured with the
 * whole schedule waiting, as in a large deployment. BENCH_FIRING=all makes every ping fall due in
 * the window, which measures how fast one worker drains a burst instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Job, Worker } from 'bullmq';
import { createBullmqPingScheduler } from '../src/infra/queue/bullmq-ping-scheduler.js';
import { bullPrefix, QUEUE_NAMES } from '../src/infra/queue/queue-names.js';
import { createQueues } from '../src/infra/queue/queues.js';
import { startPrivateRedis } from '../src/infra/redis/private-redis.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import type { ScheduledPing } from '../src/ports/ping-scheduler.port.js';
import { ms, percentile, printTable, quiet } from './bench-kit.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const PINGS_PER_NODE = 3;
/** Pings fire spread over this window after scheduling ends. */
const FIRE_WINDOW_MS = 20_000;
const FIRING = process.env.BENCH_FIRING ?? '2000';
const DAY_MS = 24 * 3600 * 1000;

async function usedMemory(redis: ReturnType<typeof createRedis>): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

async function runSize(url: string, size: number): Promise<string[]> {
  const redis = createRedis(url, quiet);
  await redis.connect();
  await redis.flushall();
  const prefix = `bench${size}`;
  const queues = createQueues(redis, prefix);
  const scheduler = createBullmqPingScheduler({ queues, redis, queuePrefix: prefix });
  const before = await usedMemory(redis);
  const nodes = Math.ceil(size / PINGS_PER_NODE);
  const start = Date.now();
  const fireFrom = start + 60_000 + size / 2; // after scheduling ends, whatever the size
  const firing = FIRING === 'all' ? size : Math.min(size, Number(FIRING));
  const stride = size / firing;
  const dueAt = (index: number) =>
    new Date(
      fireFrom +
        Math.floor(Math.random() * FIRE_WINDOW_MS) +
        (Math.floor(index % stride) === 0 ? 0 : DAY_MS),
    );
  const plans: ScheduledPing[][] = [];
  for (let n = 0; n < nodes; n++) {
    plans.push(
      // The last node takes what is left, so exactly `size` pings are scheduled.
      Array.from({ length: Math.min(PINGS_PER_NODE, size - n * PINGS_PER_NODE) }, (_, step) => ({
        id: `escalate-nod_${n}-v1-${step}`,
        nodeId: `nod_${n}`,
        deadlineVersion: 1,
        at: dueAt(n * PINGS_PER_NODE + step),
      })),
    );
  }
  // Several nodes at a time, as several outbox relays would.
  const CONCURRENCY = 16;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < plans.length) {
        const i = next++;
        const plan = plans[i] as ScheduledPing[];
        await scheduler.setNodePings(plan[0]?.nodeId ?? '', plan);
      }
    }),
  );
  const scheduleMs = Date.now() - start;
  const perPing = ((await usedMemory(redis)) - before) / size;
  const listStart = Date.now();
  const listed = await scheduler.listScheduledIds();
  const listMs = Date.now() - listStart;
  if (listed.size !== size) throw new Error(`listed ${listed.size} of ${size}`);

  // Fire: pull everything 60 s earlier than planned by shifting the clock is not possible in
  // Redis, so wait for the window; lateness = when a worker got the job − its planned moment.
  const lateness: number[] = [];
  const worker = new Worker(
    QUEUE_NAMES.schedule,
    async (job: Job) => {
      lateness.push(Date.now() - (job.timestamp + (job.opts.delay ?? 0)));
    },
    { connection: redis, prefix: bullPrefix(prefix), concurrency: 4 },
  );
  const deadline = fireFrom + FIRE_WINDOW_MS + 60_000;
  while (lateness.length < firing && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  await worker.close();
  await queues.close();
  await redis.flushall();
  redis.disconnect();
  return [
    size.toLocaleString('en'),
    `${Math.round(size / (scheduleMs / 1000)).toLocaleString('en')}/s`,
    `${Math.round(perPing)} B`,
    ms(listMs),
    ms(percentile(lateness, 50)),
    ms(percentile(lateness, 99)),
    ms(Math.max(...lateness)),
    `${lateness.length}/${firing}`,
  ];
}

/** Redis' own default and the value Baton's private Redis and docker-compose.yml set. */
const LISTPACK_VALUES = [64, 512];
const MEMORY_SIZES = (process.env.BENCH_MEMORY_SIZES ?? '10000,100000').split(',').map(Number);

/** Memory per ping of `size` pings scheduled a day ahead, with `hash-max-listpack-value` set. */
async function memoryPerPing(url: string, size: number, listpackValue: number): Promise<string> {
  const redis = createRedis(url, quiet);
  await redis.connect();
  await redis.flushall();
  await redis.config('SET', 'hash-max-listpack-value', String(listpackValue));
  const prefix = 'benchmem';
  const queues = createQueues(redis, prefix);
  const scheduler = createBullmqPingScheduler({ queues, redis, queuePrefix: prefix });
  // Keys every deployment has whatever its schedule: the queues' meta hashes and id counters.
  await scheduler.setNodePings('nod_warmup', []);
  const before = await usedMemory(redis);
  const at = new Date(Date.now() + DAY_MS);
  const plans = new Map<string, ScheduledPing[]>();
  for (let n = 0; n * PINGS_PER_NODE < size; n++) {
    // Node ids as Baton makes them (`nod_` and 20 hex digits).
    const nodeId = `nod_${n.toString(16).padStart(20, '0')}`;
    plans.set(
      nodeId,
      Array.from({ length: PINGS_PER_NODE }, (_, step) => ({
        id: `escalate-${nodeId}-v1-${step}`,
        nodeId,
        deadlineVersion: 1,
        at,
      })),
    );
    if (plans.size === 500) {
      await scheduler.setManyNodePings(plans);
      plans.clear();
    }
  }
  if (plans.size > 0) await scheduler.setManyNodePings(plans);
  const perPing =
    ((await usedMemory(redis)) - before) / (Math.ceil(size / PINGS_PER_NODE) * PINGS_PER_NODE);
  await queues.close();
  await redis.flushall();
  redis.disconnect();
  return `${Math.round(perPing)} B`;
}

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-redis-'));
const redisServer = await startPrivateRedis(dir, quiet);
try {
  const rows: string[][] = [];
  for (const size of SIZES) {
    process.stderr.write(`schedule bench: ${size} pings…\n`);
    rows.push(await runSize(redisServer.url, size));
  }
  printTable(
    `Schedule: BullMQ delayed pings (private redis-server, worker concurrency 4, no-op handler, ${FIRING} due in 20 s)`,
    [
      'pings',
      'schedule rate',
      'Redis memory/ping',
      'list all ids',
      'lateness p50',
      'p99',
      'max',
      'fired/due in window',
    ],
    rows,
  );
  const memoryRows: string[][] = [];
  for (const size of MEMORY_SIZES) {
    process.stderr.write(`schedule bench: memory of ${size} pings…\n`);
    const row = [size.toLocaleString('en')];
    for (const value of LISTPACK_VALUES)
      row.push(await memoryPerPing(redisServer.url, size, value));
    memoryRows.push(row);
  }
  printTable(
    'Redis memory per scheduled ping (a day ahead, node ids as Baton makes them), by hash-max-listpack-value',
    [
      'pings',
      ...LISTPACK_VALUES.map((v) => `${v}${v === 64 ? " (Redis' default)" : ' (Baton sets)'}`),
    ],
    memoryRows,
  );
} finally {
  await redisServer.stop();
  rmSync(dir, { recursive: true, force: true });
}
