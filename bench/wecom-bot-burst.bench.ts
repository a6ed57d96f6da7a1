/**
 * The WeCom smart robot's URL callback under a burst of users, measured from outside as issue
 * #24 did: `baton all` (what `npm start` runs) in a child process with WECOM_BOT_TOKEN and
 * WECOM_BOT_AES_KEY, the embedded database and the sample organisation, plus WECOM_API_BASE at
 * a local fake WeCom API so that the replies sent through response_url are seen (and a queue
 * prefix of its own on the shared Redis). Distinct, freshly sealed group messages `@接力 /帮助`
 * from 50 chats go to `POST /wecom/bot` over keep-alive connections, closed loop (autocannon on
 * a thread of its own): 1 caller, then 20 callers for two halves; beside them a bare Fastify
 * hello-world in a child process of its own. Then an open loop at twice the rate the engine ran
 * the 20 callers' commands, timed from when each request was due. After each row the engine's
 * backlog (replies still owed, the slots' sorted set in Redis) is waited down.
 * BENCH_SECONDS (default 5) per row and half. BENCH_POSTGRES=1 gives the server a fresh database
 * on the machine's PostgreSQL (DATABASE_URL) instead of the embedded one. BENCH_BATON_DIR runs
 * the server from another checkout (the code before a change, for a side-by-side; its
 * node_modules linked). BENCH_BATON_COMMAND=serve (with BENCH_POSTGRES=1) runs the route without
 * the engine, to show what bounds it.
 *   npx tsx bench/wecom-bot-burst.bench.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bullPrefix } from '../src/infra/queue/queue-names.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { startFakeWecomApi } from '../test/fakes/wecom/api-server.js';
import { createCallbackSender } from '../test/fakes/wecom/callback-sender.js';
import { type LoadResult, runOnThread, type ThreadLoad } from './autocannon-thread.js';
import { benchDatabase, ms, printTable, quiet, REDIS_URL } from './bench-kit.js';
import { runPaced } from './paced-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const BATON_DIR = process.env.BENCH_BATON_DIR ?? process.cwd();
/** `serve` (no workers: commands wait in the inbox) shows what the route alone takes. */
const COMMAND = process.env.BENCH_BATON_COMMAND ?? 'all';
const TOKEN = 'BotToken2024';
const AES_KEY = 'Nj1lI7RhV7s7CJ7uUCISwJ3q1gtQtxzdtqukxDdtMqg';
const CHATS = 50;
/** Sealed callbacks per closed-loop run: more than a run sends, so none repeats. */
const PER_RUN = 40_000;
/** How long the engine may take to work off a row's backlog before the next row. */
const DRAIN_TIMEOUT_MS = 180_000;

type Prepared = NonNullable<ThreadLoad['requests']>[number];

const api = await startFakeWecomApi({ corpId: 'wwBench', secret: 'unused' });
const redis = createRedis(REDIS_URL, quiet);
await redis.connect();
const prefix = `bench-bot-${Date.now()}`;
const owedKey = `${bullPrefix(prefix)}:wecom:reply-owed`;
const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-bot-'));
const database = process.env.BENCH_POSTGRES === '1' ? await benchDatabase() : null;
const children: ChildProcess[] = [];
try {
  const batonPort = 40_000 + Math.floor(Math.random() * 10_000);
  children.push(
    spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', COMMAND], {
      cwd: BATON_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(batonPort),
        BATON_DATA_DIR: dataDir,
        BATON_QUEUE_PREFIX: prefix,
        WECOM_BOT_TOKEN: TOKEN,
        WECOM_BOT_AES_KEY: AES_KEY,
        WECOM_API_BASE: api.url,
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const batonUrl = `http://127.0.0.1:${batonPort}`;
  await waitUntil(
    async () => (await fetch(`${batonUrl}/readyz`).catch(() => null))?.status === 200,
    120_000,
  );
  const barePort = batonPort + 1;
  children.push(
    spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Fastify from 'fastify'; const app = Fastify(); app.get('/hello', async () => ({ hello: 'world' })); await app.listen({ port: ${barePort}, host: '127.0.0.1' });`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] },
    ),
  );
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitUntil(async () => (await fetch(`${bareUrl}/hello`).catch(() => null))?.ok, 20_000);

  const sender = createCallbackSender(batonUrl, { token: TOKEN, aesKey: AES_KEY, receiveId: '' });
  let sealed = 0;
  const prepare = (count: number): Prepared[] =>
    Array.from({ length: count }, () => {
      const n = sealed++;
      const msgid = `bench-${n}`;
      const s = sender.seal(
        JSON.stringify({
          msgid,
          aibotid: 'aibBench',
          chatid: `wrBench${n % CHATS}`,
          chattype: 'group',
          from: { userid: 'ZhengYi' },
          response_url: `${api.url}/cgi-bin/aibot/response?response_code=${msgid}`,
          msgtype: 'text',
          text: { content: '@接力 /帮助' },
        }),
      );
      const query = new URLSearchParams({
        msg_signature: s.signature,
        timestamp: s.timestamp,
        nonce: s.nonce,
      });
      return {
        method: 'POST',
        path: `/wecom/bot?${query}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ encrypt: s.ciphertext }),
      };
    });
  /** Replies sent through response_url to callbacks sealed from `from` on. */
  const lateSince = (from: number) =>
    api
      .callsOf('aibot/response')
      .filter((c) => Number(String(c.query.response_code).slice('bench-'.length)) >= from).length;
  /** Waits until no reply is owed; the seconds it took and the most owed at once. */
  const drain = async () => {
    const started = Date.now();
    let most = 0;
    for (;;) {
      const owed = await redis.zcard(owedKey);
      most = Math.max(most, owed);
      if (owed === 0 || COMMAND === 'serve' || Date.now() - started > DRAIN_TIMEOUT_MS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { seconds: (Date.now() - started) / 1000, most };
  };

  const rows: string[][] = [];
  const row = (name: string, callers: number, r: LoadResult) =>
    rows.push([
      name,
      String(callers),
      r.requests.average.toFixed(0),
      ms(r.latency.p50),
      ms(r.latency.p99),
      ms(r.latency.max),
      String(r.requests.total),
      String(r.non2xx + r.errors),
    ]);
  const engineRows: string[][] = [];
  const closed = (url: string, connections: number, requests?: Prepared[]) =>
    runOnThread({ url, connections, duration: SECONDS, ...(requests ? { requests } : {}) });

  // Warm-up, not reported: a cold process runs unoptimised code for its first callbacks.
  await closed(batonUrl, 4, prepare(4_000));
  await drain();
  await closed(`${bareUrl}/hello`, 20);

  for (const callers of [1, 20]) {
    row('GET /hello (bare Fastify)', callers, await closed(`${bareUrl}/hello`, callers));
    const firstSealed = sealed;
    const started = Date.now();
    let taken = 0;
    for (const half of callers === 1 ? [''] : [`first ${SECONDS} s`, `next ${SECONDS} s`]) {
      const r = await closed(batonUrl, callers, prepare(callers === 1 ? 4_000 : PER_RUN));
      taken += r['2xx'];
      row(`POST /wecom/bot${half ? `, ${half}` : ''}`, callers, r);
    }
    const loadSeconds = (Date.now() - started) / 1000;
    const drained = await drain();
    // The last response_url posts may still be on their way when nothing is owed any more.
    await new Promise((r) => setTimeout(r, 1_000));
    const viaUrl = lateSince(firstSealed);
    engineRows.push([
      String(callers),
      String(taken),
      String(viaUrl),
      String(drained.most),
      `${drained.seconds.toFixed(1)} s`,
      (taken / (loadSeconds + drained.seconds)).toFixed(0),
    ]);
  }
  printTable(
    `POST /wecom/bot beside bare Fastify, closed loop, ${SECONDS} s each (\`baton ${COMMAND}\` in a child process)`,
    ['route', 'callers', 'req/s', 'p50', 'p99', 'max', 'requests', 'non-2xx/errors'],
    rows,
  );
  printTable(
    'The commands behind them, run by the same process',
    [
      'callers',
      'callbacks taken (200)',
      'replies via response_url (the rest passive)',
      'most replies owed',
      'backlog left after the load, worked off in',
      'commands/s (load and backlog)',
    ],
    engineRows,
  );

  // Twice what the engine ran: the route must still answer at once, the backlog bounded.
  const engineRate = Number(engineRows.at(-1)?.[5] ?? 100);
  const rate = Math.max(10, Math.round(2 * engineRate));
  let most = 0;
  const sampler = setInterval(() => {
    void redis.zcard(owedKey).then((owed) => {
      most = Math.max(most, owed);
    });
  }, 200);
  const pacedFrom = sealed;
  const paced = await runPaced({
    url: batonUrl,
    rate,
    seconds: SECONDS,
    connections: 50,
    requests: prepare(rate * SECONDS + 100),
  });
  clearInterval(sampler);
  const drained = await drain();
  await new Promise((r) => setTimeout(r, 1_000));
  printTable(
    `Open loop at twice the engine's rate (${rate}/s for ${SECONDS} s, 50 connections, timed from when each was due)`,
    [
      'requests',
      'p50',
      'p90',
      'p99',
      'max',
      'non-2xx/errors',
      'via response_url',
      'most owed',
      'backlog worked off after',
    ],
    [
      [
        String(paced.sent),
        ms(paced.latencyMs.p50),
        ms(paced.latencyMs.p90),
        ms(paced.latencyMs.p99),
        ms(paced.latencyMs.max),
        String(paced.non2xx + paced.errors),
        String(lateSince(pacedFrom)),
        String(Math.max(most, drained.most)),
        `${drained.seconds.toFixed(1)} s`,
      ],
    ],
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => (c.exitCode === null ? c.once('exit', resolve) : resolve(null))),
    ),
  );
  redis.disconnect();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
}

async function waitUntil(check: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
