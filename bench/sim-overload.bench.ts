/**
 * The simulator's message route under overload, as `baton all` runs it (a child process: the
 * admission limits, the durable inbox, the engine in the same process). First its capacity: a
 * burst of commands is accepted, then the rate at which the engine works the inbox off, with no
 * requests arriving, is the rate it can sustain. Then an open-loop load at twice that rate
 * (bench/paced-load.ts) for BENCH_SECONDS (default 20), each request abandoned if not answered
 * within 5 s of when it was due. Reported: answered 202, 429, 503, hung (must be 0); once the
 * inbox is empty, every command answered 202 must have made exactly one task (each command's
 * title is its own), and a refused one none.
 *   npx tsx bench/sim-overload.bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { like } from 'drizzle-orm';
import { countInbox } from '../src/infra/db/queries/inbox-counts.js';
import { tasks } from '../src/infra/db/schema/index.js';
import { freePort } from '../test/helpers/free-port.js';
import { benchDatabase, ms, printTable, REDIS_URL } from './bench-kit.js';
import { type PacedResult, runPaced } from './paced-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Commands in the capacity burst, sent within 0.3 s: below the backlog bound of 500. */
const BURST = 450;
const HUNG_AFTER_MS = 5_000;
/** Sockets of the overload: more than the route's 256 accepts in flight. */
const CONNECTIONS = 300;
const TOKEN = 'bench-sim-admin-token-0123456789';
/** Group chats the commands are spread over (the engine runs a chat's events in order). */
const CHATS = 16;

const database = await benchDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-sim-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'all'], {
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    REDIS_URL,
    BATON_QUEUE_PREFIX: `bench-sim-${Date.now()}`,
    BATON_ADMIN_TOKEN: TOKEN,
    BATON_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

/**
 * A request per command: `/任务 <title>` from 郑一, in one of the group chats, with the page's
 * kind of client id (`idPrefix` in ASCII).
 */
const commands = (titlePrefix: string, idPrefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    method: 'POST',
    path: '/sim/api/messages',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      conversation: `bench-${i % CHATS}`,
      personId: 'zhengyi',
      text: `/任务 ${titlePrefix}${i}\n处理 @张三 1小时内`,
      clientId: `bench-${idPrefix}-${i}`,
    }),
  }));

const inboxWaiting = async () => (await countInbox(database.db)).waiting;
async function untilInboxEmpty(): Promise<number> {
  const started = performance.now();
  while ((await inboxWaiting()) > 0) await sleep(50);
  return (performance.now() - started) / 1000;
}

/** Tasks made per title with the prefix, each command's title being its own. */
async function tasksByTitle(prefix: string): Promise<Map<string, number>> {
  const rows = await database.db
    .select({ title: tasks.title })
    .from(tasks)
    .where(like(tasks.title, `${prefix}%`));
  const counts = new Map<string, number>();
  for (const { title } of rows) counts.set(title, (counts.get(title) ?? 0) + 1);
  return counts;
}

function tally(result: PacedResult) {
  const of = (status: number) => result.statuses.filter((s) => s === status).length;
  return {
    accepted: of(202),
    busy: of(429),
    unavailable: of(503),
    hung: of(-1),
    other: result.statuses.filter((s) => ![202, 429, 503, -1].includes(s)).length,
  };
}

try {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('baton exited before serving');
    if ((await fetch(`${url}/readyz`).catch(() => null))?.status === 200) break;
    if (i > 600) throw new Error('baton did not serve within 60 s');
    await sleep(100);
  }

  // Capacity: take a burst (also the warm-up), then time the engine working off the backlog.
  const burst = await runPaced({
    url,
    rate: BURST / 0.3,
    seconds: 0.3,
    connections: 50,
    requests: commands('容量', 'capacity', BURST),
    timeoutMs: HUNG_AFTER_MS,
  });
  const backlog = await inboxWaiting();
  const drainS = await untilInboxEmpty();
  const capacity = backlog / drainS;
  const rate = Math.round(2 * capacity);
  printTable(
    'Capacity: the engine working off a backlog of simulator commands, nothing arriving',
    ['burst taken (202)', 'waiting at its end', 'drained in', 'capacity'],
    [
      [
        `${tally(burst).accepted} of ${BURST}`,
        String(backlog),
        `${drainS.toFixed(1)} s`,
        `${capacity.toFixed(0)} commands/s`,
      ],
    ],
  );

  // Overload: twice the capacity, open loop.
  const overload = await runPaced({
    url,
    rate,
    seconds: SECONDS,
    connections: CONNECTIONS,
    requests: commands('压测', 'overload', rate * SECONDS),
    timeoutMs: HUNG_AFTER_MS,
  });
  const after = await untilInboxEmpty();
  const t = tally(overload);
  printTable(
    `Overload: ${rate} commands/s (2 × capacity) for ${SECONDS} s, ${CONNECTIONS} connections`,
    [
      'sent',
      '202',
      '429',
      '503',
      'other',
      `hung (> ${HUNG_AFTER_MS / 1000} s)`,
      'p50',
      'p99',
      'max',
    ],
    [
      [
        String(overload.sent),
        String(t.accepted),
        String(t.busy),
        String(t.unavailable),
        String(t.other),
        String(t.hung),
        ms(overload.latencyMs.p50),
        ms(overload.latencyMs.p99),
        ms(overload.latencyMs.max),
      ],
    ],
  );

  // Every accepted command made exactly one task; a refused one none.
  const check = async (prefix: string, result: PacedResult) => {
    const made = await tasksByTitle(prefix);
    let once = 0;
    let lost = 0;
    let twice = 0;
    let refusedButMade = 0;
    result.statuses.forEach((status, i) => {
      const n = made.get(`${prefix}${i}`) ?? 0;
      if (status === 202) {
        if (n === 1) once += 1;
        else if (n === 0) lost += 1;
        else twice += 1;
      } else if (n > 0) refusedButMade += 1;
    });
    return [prefix, String(once), String(lost), String(twice), String(refusedButMade)];
  };
  printTable(
    `After the run (inbox empty ${after.toFixed(1)} s after the load ended)`,
    [
      'commands',
      'accepted, one task',
      'accepted, no task (lost)',
      'accepted, two or more',
      'refused, yet a task',
    ],
    [await check('容量', burst), await check('压测', overload)],
  );
} finally {
  child.kill('SIGTERM');
  await exited;
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
