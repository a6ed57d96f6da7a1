/**
 * Reconciliation: rebuilding the schedule in Redis from the open nodes in Postgres, as after a
 * FLUSHALL or a Redis failover, and checking that every planned ping is scheduled exactly once.
 * BENCH_SIZES open nodes (default 1000,10000,100000), each with its reminders and ladder steps.
 */

import { reconcileSchedule } from '../src/application/scheduling/reconcile-schedule.usecase.js';
import { createBullmqPingScheduler } from '../src/infra/queue/bullmq-ping-scheduler.js';
import { bullPrefix } from '../src/infra/queue/queue-names.js';
import { createQueues } from '../src/infra/queue/queues.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { createNodePlanner } from '../src/infra/scheduling/node-planner.js';
import { benchDatabase, printTable, quiet, REDIS_URL } from './bench-kit.js';
import { seedOpenNodes } from './seed-open-nodes.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Deletes every key of the deployment, as FLUSHALL would, without touching other prefixes. */
async function flushPrefix(redis: ReturnType<typeof createRedis>, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${bullPrefix(prefix)}:*`,
      'COUNT',
      1000,
    );
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

async function runSize(size: number): Promise<string[]> {
  const database = await benchDatabase();
  const redis = createRedis(REDIS_URL, quiet);
  await redis.connect();
  const prefix = `bench-reconcile-${size}-${Date.now()}`;
  const queues = createQueues(redis, prefix);
  try {
    const seedStart = Date.now();
    await seedOpenNodes(database, size);
    const seedMs = Date.now() - seedStart;
    const planner = createNodePlanner({
      db: database.db,
      now: () => new Date(),
      templateLadder: () => null,
    });
    const scheduler = createBullmqPingScheduler({ queues, redis, queuePrefix: prefix });
    const reconcile = () =>
      reconcileSchedule({ scheduler, expectedPings: () => planner.allOpen() });
    await reconcile();
    const before = await scheduler.listScheduledIds();
    await flushPrefix(redis, prefix);
    const start = Date.now();
    const rebuilt = await reconcile();
    const rebuildMs = Date.now() - start;
    const after = await scheduler.listScheduledIds();
    const lost = [...before].filter((id) => !after.has(id)).length;
    const extra = [...after].filter((id) => !before.has(id)).length;
    const warmStart = Date.now();
    const again = await reconcile();
    const warmMs = Date.now() - warmStart;
    if (rebuilt.nodes !== size) throw new Error(`reconciled ${rebuilt.nodes} of ${size} nodes`);
    return [
      size.toLocaleString('en'),
      after.size.toLocaleString('en'),
      seconds(seedMs),
      seconds(rebuildMs),
      `${Math.round(rebuilt.nodes / (rebuildMs / 1000)).toLocaleString('en')} nodes/s`,
      `${rebuilt.added === before.size && lost === 0 && extra === 0 ? 'yes' : `no (lost ${lost}, extra ${extra})`}`,
      seconds(warmMs),
      String(again.added),
    ];
  } finally {
    await flushPrefix(redis, prefix);
    await queues.close();
    redis.disconnect();
    await database.drop();
  }
}

const rows: string[][] = [];
for (const size of SIZES) {
  process.stderr.write(`reconcile bench: ${size} open nodes…\n`);
  rows.push(await runSize(size));
}
printTable(
  'Reconciliation after a FLUSHALL of the deployment’s keys (real planner and scheduler)',
  [
    'open nodes',
    'pings',
    'seed',
    'rebuild',
    'rate',
    'every ping once',
    'second run (nothing missing)',
    'added then',
  ],
  rows,
);
