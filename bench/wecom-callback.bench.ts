/**
 * The self-built app's encrypted callback route — signature check, AES decryption, XML parsing,
 * de-duplication and the engine's transaction (inbound row, reply in the outbox) — and its URL
 * verification (signature and decryption only), against a bare Fastify hello-world on the same
 * machine, all driven by autocannon in this process.
 * Every callback is a distinct, freshly signed message. BENCH_SECONDS (default 10) per route,
 * BENCH_CONNECTIONS (default 10).
 *   npx tsx bench/wecom-callback.bench.ts
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createWecomHttpParts } from '../adapters/wecom/api/wecom-http.parts.js';
import { loadWecomHttpConfig } from '../adapters/wecom/callback/callback.config.js';
import { loadConfig } from '../src/infra/config/config.js';
import { importOrgFile } from '../src/infra/db/repositories/org-import.drizzle.js';
import { parseOrgFile } from '../src/infra/org/org-file.parser.js';
import { createRedis } from '../src/infra/redis/redis-connection.js';
import { createInboundHandler } from '../src/main/inbound.js';
import { createCallbackSender } from '../test/fakes/wecom/callback-sender.js';
import { benchDatabase, ms, printTable, quiet, REDIS_URL } from './bench-kit.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ORG_FILE = 'test/fixtures/org/wecom-callback.yaml';
const KEYS = {
  corpId: 'ww0123456789abcdef',
  token: 'TestToken2024wecom',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};
/** More distinct callbacks than the route can take in the run, so none repeats. */
const PREPARED = 40_000;

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
  // No workers: the reply waits in the outbox; what is measured is taking the callback in.
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
    logger: quiet,
    webhookKeyOf: async () => null,
    fallback: null,
  });

  const callbacks = Fastify({ logger: false });
  await callbacks.register(parts.routes(inbound));
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  const urls: string[] = [];
  for (const app of [callbacks, bare]) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push(app);
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('did not listen');
    urls.push(`http://127.0.0.1:${address.port}`);
  }
  const [callbackUrl = '', bareUrl = ''] = urls;

  const sender = createCallbackSender(callbackUrl, { ...KEYS, receiveId: KEYS.corpId });
  const prepared = Array.from({ length: PREPARED }, (_, i) => {
    const xml = `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[ZhengYi]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/帮助]]></Content><MsgId>${7_000_000_000_000_000_000n + BigInt(i)}</MsgId><AgentID>1000002</AgentID></xml>`;
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
  let next = 0;
  const callbackRun = await autocannon({
    url: callbackUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: () => prepared[next++ % PREPARED] ?? {} }],
  });
  const echo = sender.seal('4470302453721046287');
  const echoQuery = new URLSearchParams({
    msg_signature: echo.signature,
    timestamp: echo.timestamp,
    nonce: echo.nonce,
    echostr: echo.ciphertext,
  });
  const verifyRun = await autocannon({
    url: `${callbackUrl}/wecom/app?${echoQuery}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const bareRun = await autocannon({
    url: `${bareUrl}/hello`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });

  const row = (name: string, r: Awaited<ReturnType<typeof autocannon>>) => [
    name,
    r.requests.average.toFixed(0),
    ms(r.latency.p50),
    ms(r.latency.p99),
    String(r.requests.total),
    String(r.non2xx + r.errors),
  ];
  printTable(
    `WeCom callback vs bare Fastify (${CONNECTIONS} connections, ${SECONDS} s each, same process)`,
    ['route', 'req/s', 'p50', 'p99', 'requests', 'non-2xx/errors'],
    [
      row('POST /wecom/app (verify, decrypt, dedupe, engine transaction)', callbackRun),
      row('GET /wecom/app URL verification (verify, decrypt)', verifyRun),
      row('GET /hello (bare Fastify)', bareRun),
    ],
  );
  if (next > PREPARED) {
    process.stdout.write(`\n(${next - PREPARED} callbacks repeated: measured as duplicates)\n`);
  }
} finally {
  for (const server of servers) await server.close();
  redis.disconnect();
  await database.drop();
}
