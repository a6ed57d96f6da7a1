/**
 * Memory of one `baton all` process holding many open nodes: the database is seeded, Baton is
 * started as the Docker image runs it (`node dist/src/main/cli.js all`, built here first), its
 * start-up reconciliation schedules every node's pings, and its resident memory is sampled for
 * a while after. BENCH_SIZES open nodes (default 1000,10000,100000); BENCH_SAMPLE_SECONDS (30);
 * BENCH_NODE_OPTIONS, flags for Baton's node process (e.g. `--max-old-space-size=192`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { bullPrefix } from '../src/infra/queue/queue-names.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { benchDatabase, printTable, quiet, REDIS_URL } from './bench-kit.js';
import { seedOpenNodes } from './seed-open-nodes.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 30);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function runSize(size: number): Promise<string[]> {
  const database = await benchDatabase();
  const redis = createRedis(REDIS_URL, quiet);
  await redis.connect();
  const prefix = `bench-rss-${size}-${Date.now()}`;
  try {
    await seedOpenNodes(database, size);
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
        'dist/src/main/cli.js',
        'all',
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          REDIS_URL,
          BATON_QUEUE_PREFIX: prefix,
          PORT: String(await freePort()),
          BATON_ADMIN_TOKEN: 'bench-admin-token-0123456789',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const pid = child.pid ?? 0;
    let peak = 0;
    const started = Date.now();
    // Ready once the start-up reconciliation has scheduled everything and marked Redis intact.
    while (!(await redis.exists(`${bullPrefix(prefix)}:intact`))) {
      if (child.exitCode !== null) throw new Error(`baton exited with ${child.exitCode}`);
      if (Date.now() - started > 300_000) throw new Error('baton did not start within 5 minutes');
      peak = Math.max(peak, rssKb(pid));
      await sleep(200);
    }
    const startMs = Date.now() - started;
    const samples: number[] = [];
    for (let i = 0; i < SAMPLE_SECONDS; i++) {
      const kb = rssKb(pid);
      samples.push(kb);
      peak = Math.max(peak, kb);
      await sleep(1000);
    }
    child.kill('SIGTERM');
    await exited;
    const scheduled = await redis.zcard(`${bullPrefix(prefix)}:schedule:delayed`);
    return [
      size.toLocaleString('en'),
      scheduled.toLocaleString('en'),
      `${(startMs / 1000).toFixed(1)} s`,
      mb(peak),
      mb(samples.reduce((a, b) => a + b, 0) / samples.length),
    ];
  } finally {
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
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await database.drop();
  }
}

process.stderr.write('rss bench: building dist/…\n');
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const rows: string[][] = [];
for (const size of SIZES) {
  process.stderr.write(`rss bench: ${size} open nodes…\n`);
  rows.push(await runSize(size));
}
printTable(
  `One \`baton all\` process with open nodes (node dist/, RSS sampled for ${SAMPLE_SECONDS} s after start)`,
  ['open nodes', 'pings scheduled', 'start incl. reconciliation', 'peak RSS', 'steady RSS'],
  rows,
);
