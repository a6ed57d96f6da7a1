/**
 * The self-built app's encrypted callback route — signature check, AES decryption, XML parsing,
 * de-duplication and the group-committed inbox insert — and its URL verification (signature
 * and decryption only), against a bare Fastify hello-world in the same process, at 10 and at
 * 100 connections (and, to show what bounds it, the route with the insert skipped); the route at
 * a fixed 500 req/s (bench/paced-load.ts), alone, with the engine running the inbox in the same
 * process (`baton all`) and in a `baton worker` child process (`baton serve` + `baton worker`);
 * and how fast a worker runs the inbox through the engine afterwards. autocannon runs on a worker
 * thread of its own (as the CLI in another process would), so it does not share the server's
 * event loop.
 * Every callback is a distinct, freshly signed message. BENCH_SECONDS (default 10) per run, after
 * BENCH_WARMUP_SECONDS (default 3) of the fixed rate that are not reported.
 *   npx tsx bench/wecom-callback.bench.ts
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { createWecomHttpParts } from '../adapters/wecom/api/wecom-http.parts.js';
import { loadWecomHttpConfig } from '../adapters/wecom/callback/callback.config.js';
import { loadConfig } from '../src/infra/config/config.js';
import { queryRows } from '../src/infra/db/client.js';
import { importOrgFile } from '../src/infra/db/repositories/org-import.drizzle.js';
import { createInboxConsumer } from '../src/infra/inbox/inbox-consumer.js';
import { parseOrgFile } from '../src/infra/org/org-file.parser.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { createRedisReplayGuard } from '../src/infra/redis/replay-guard.redis.js';
import { createInboundHandler } from '../src/main/inbound.js';
import { createCallbackSender } from '../test/fakes/wecom/callback-sender.js';
import { type LoadResult, runOnThread, type ThreadLoad } from './autocannon-thread.js';
import { benchDatabase, ms, printTable, quiet, REDIS_URL } from './bench-kit.js';
import { type PacedResult, runPaced } from './paced-load.js';
import { startWorkerProcess } from './worker-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ORG_FILE = 'test/fixtures/org/wecom-callback.yaml';
const KEYS = {
  corpId: 'ww0123456789abcdef',
  token: 'TestToken2024wecom',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};
/** Distinct callbacks per POST run: more than a run can send, so none repeats. */
const PER_RUN = 60_000;
/** Senders in turn: private chats with the app are one conversation per person. */
const SENDERS = ['ZhengYi', 'ZhangSan', 'LiSi', 'WangWu', 'ZhaoLiu', 'QianQi', 'SunBa', 'ZhouJiu'];
const sqlCount = sql`select count(*) as n from inbox`;

type Prepared = NonNullable<ThreadLoad['requests']>[number];

const database = await benchDatabase();
const redis = createRedis(REDIS_URL, quiet);
await redis.connect();
const prefix = `bench-wecom-${Date.now()}`;
const servers: { close(): Promise<void> }[] = [];
try {
  await importOrgFile(database.db, parseOrgFile(readFileSync(ORG_FILE, 'utf8'), ORG_FILE));
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL,
    BATON_QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
  });
  const infra = { database, redis, redisUrl: REDIS_URL, close: async () => undefined };
  // No workers while the route is measured: accepted events wait in the inbox.
  const inbound = createInboundHandler(config, infra, () => undefined);
  const parts = createWecomHttpParts({
    config: loadWecomHttpConfig({
      WECOM_CORP_ID: KEYS.corpId,
      WECOM_AGENT_ID: '1000002',
      WECOM_APP_TOKEN: KEYS.token,
      WECOM_APP_AES_KEY: KEYS.aesKey,
    }),
    redis,
    keyPrefix: `{${prefix}}`,
    replayGuard: createRedisReplayGuard(redis, `{${prefix}}:wecom:replay`),
    logger: quiet,
    webhookKeyOf: async () => null,
    fallback: null,
  });

  const callbacks = Fastify({ logger: false });
  await callbacks.register(parts.routes(inbound));
  // Diagnostic: the same route with the inbox insert answered at once, to separate the route's
  // own CPU (signature, AES, XML, HTTP) from PostgreSQL's share.
  const routeOnly = Fastify({ logger: false });
  await routeOnly.register(
    parts.routes({ ...inbound, enqueue: async () => ({ duplicate: false }) }),
  );
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  const urls: string[] = [];
  for (const app of [callbacks, bare, routeOnly]) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push(app);
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('did not listen');
    urls.push(`http://127.0.0.1:${address.port}`);
  }
  const [callbackUrl = '', bareUrl = '', routeOnlyUrl = ''] = urls;

  const sender = createCallbackSender(callbackUrl, { ...KEYS, receiveId: KEYS.corpId });
  let sealed = 0;
  const prepare = (count: number): Prepared[] =>
    Array.from({ length: count }, () => {
      const from = SENDERS[sealed % SENDERS.length];
      const msgId = 7_000_000_000_000_000_000n + BigInt(sealed++);
      const xml = `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/帮助]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
      const s = sender.seal(xml);
      const query = new URLSearchParams({
        msg_signature: s.signature,
        timestamp: s.timestamp,
        nonce: s.nonce,
      });
      return {
        method: 'POST',
        path: `/wecom/app?${query}`,
        headers: { 'content-type': 'text/xml' },
        body: `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><Encrypt><![CDATA[${s.ciphertext}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`,
      };
    });
  const echo = sender.seal('4470302453721046287');
  const echoQuery = new URLSearchParams({
    msg_signature: echo.signature,
    timestamp: echo.timestamp,
    nonce: echo.nonce,
    echostr: echo.ciphertext,
  });

  const rows: string[][] = [];
  const row = (name: string, connections: number, r: LoadResult, repeated = 0) =>
    rows.push([
      name,
      String(connections),
      r.requests.average.toFixed(0),
      ms(r.latency.p50),
      ms(r.latency.p99),
      String(r.requests.total),
      String(r.non2xx + r.errors),
      String(repeated),
    ]);
  const runEngine = () =>
    createInboxConsumer({
      db: database.db,
      handle: (event) => inbound.handle(event),
      logger: quiet,
    });
  const atFixedRate = (url: string, requests?: Prepared[], seconds = SECONDS) =>
    runPaced({
      url,
      rate: 500,
      seconds,
      connections: 10,
      ...(requests ? { requests } : {}),
    });
  const pacedRows: string[][] = [];
  const pacedRow = (name: string, r: PacedResult) =>
    pacedRows.push([
      name,
      String(r.sent),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p90),
      ms(r.latencyMs.p99),
      ms(r.latencyMs.max),
      String(r.non2xx + r.errors),
      ms(r.lateP99Ms),
    ]);
  // Warm-up, not reported: the first thousand callbacks of a cold process run unoptimised code.
  await atFixedRate(callbackUrl, prepare(500 * WARMUP_SECONDS), WARMUP_SECONDS);
  await atFixedRate(`${bareUrl}/hello`, undefined, WARMUP_SECONDS);
  pacedRow('GET /hello (bare Fastify)', await atFixedRate(`${bareUrl}/hello`));
  pacedRow('POST /wecom/app', await atFixedRate(callbackUrl, prepare(500 * SECONDS)));
  // As `baton all` runs: a worker in the same process runs the inbox while callbacks arrive.
  const alongside = runEngine();
  alongside.start();
  pacedRow(
    'POST /wecom/app, engine running the inbox alongside',
    await atFixedRate(callbackUrl, prepare(500 * SECONDS)),
  );
  await alongside.stop();
  // As `baton serve` and `baton worker` run: the engine in a process of its own.
  const worker = await startWorkerProcess(
    { DATABASE_URL: database.url, BATON_QUEUE_PREFIX: prefix },
    redis,
  );
  pacedRow(
    'POST /wecom/app, a `baton worker` process running the inbox',
    await atFixedRate(callbackUrl, prepare(500 * SECONDS)),
  );
  await worker.close();
  await database.db.execute(sql`delete from inbox`);
  const ratios: string[] = [];
  for (const connections of [10, 100]) {
    const load = { connections, duration: SECONDS };
    const requests = prepare(PER_RUN);
    const post = await runOnThread({ ...load, url: callbackUrl, requests });
    const postRouteOnly = await runOnThread({
      ...load,
      url: routeOnlyUrl,
      requests: prepare(PER_RUN),
    });
    const verify = await runOnThread({ ...load, url: `${callbackUrl}/wecom/app?${echoQuery}` });
    const hello = await runOnThread({ ...load, url: `${bareUrl}/hello` });
    const repeated = Math.max(0, post.requests.total - PER_RUN);
    row('POST /wecom/app (verify, decrypt, dedupe, inbox insert)', connections, post, repeated);
    row('POST /wecom/app, inbox insert skipped (diagnostic)', connections, postRouteOnly);
    row('GET /wecom/app URL verification (verify, decrypt)', connections, verify);
    row('GET /hello (bare Fastify)', connections, hello);
    const share = (r: LoadResult) =>
      `${((100 * r.requests.average) / hello.requests.average).toFixed(0)}%`;
    ratios.push(
      `${connections} connections: POST ${share(post)} (without the insert ${share(postRouteOnly)}), verification ${share(verify)} of bare Fastify`,
    );
  }
  printTable(
    `WeCom callback vs bare Fastify (${SECONDS} s each, same process, load on its own thread)`,
    ['route', 'connections', 'req/s', 'p50', 'p99', 'requests', 'non-2xx/errors', 'repeated'],
    rows,
  );
  process.stdout.write(`\n${ratios.join('\n')}\n`);
  printTable(
    `At a fixed 500 req/s (open loop, ${SECONDS} s, 10 connections, timed from when each was due)`,
    ['route', 'requests', 'p50', 'p90', 'p99', 'max', 'non-2xx/errors', 'generator late (p99)'],
    pacedRows,
  );

  // Behind the route: the engine runs what the inbox took, one transaction per event.
  const waiting = async () =>
    Number((await queryRows<{ n: string }>(database.db, sqlCount))[0]?.n ?? 0);
  const before = await waiting();
  const consumer = runEngine();
  const started = Date.now();
  consumer.start();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  await consumer.stop();
  const ran = before - (await waiting());
  const seconds = (Date.now() - started) / 1000;
  printTable(
    'Inbox run through the engine afterwards (one worker, 4 conversations at a time)',
    ['events waiting', 'events run', 'seconds', 'events/s'],
    [[String(before), String(ran), seconds.toFixed(1), (ran / seconds).toFixed(0)]],
  );
} finally {
  for (const server of servers) await server.close();
  redis.disconnect();
  await database.drop();
}
