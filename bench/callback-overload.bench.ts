/**
 * The platforms' HTTP callback routes under overload, as `baton all` runs them (a child process:
 * the admission gate, the inbox or the DingTalk queue, the engine in the same process): the
 * WeCom self-built app's messages (`POST /wecom/app`, signed and encrypted) and the DingTalk
 * robot in HTTP mode (`POST /dingtalk/robot`, signed). For each route, first its capacity: a
 * burst of commands is taken, and the rate at which their tasks appear once it ended is what the
 * path sustains (the commands are `/帮助`: a task needs a group, and the app's chats are private). Then an open-loop load at twice that rate (bench/paced-load.ts) for
 * BENCH_SECONDS (default 15), each request abandoned if not answered within 5 s of when it was
 * due (WeCom's window). Reported: answered 200, 503, other, hung (must be 0); once every
 * accepted command has had time to run, each command answered 200 must have run (the engine
 * records each message id once, so none runs twice). A refused one (503) is sent again by WeCom.
 *   npx tsx bench/callback-overload.bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import { dingtalkSign } from '../adapters/dingtalk/dingtalk-sign.js';
import { inboundMessages } from '../src/infra/db/schema/index.js';
import { FAKE_CLIENT_SECRET, FakeDingTalk } from '../test/fakes/dingtalk/fake-dingtalk.js';
import { robotMessage } from '../test/fakes/dingtalk/robot-frames.js';
import { startFakeWecomApi } from '../test/fakes/wecom/api-server.js';
import { createCallbackSender } from '../test/fakes/wecom/callback-sender.js';
import { WECOM_TEST_KEYS as KEYS } from '../test/fakes/wecom/http-engine.js';
import { freePort } from '../test/helpers/free-port.js';
import { benchDatabase, ms, printTable, REDIS_URL } from './bench-kit.js';
import { type PacedResult, runPaced } from './paced-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const BURST = Number(process.env.BENCH_BURST ?? 300);
const HUNG_AFTER_MS = 5_000;
const CONNECTIONS = 200;
const ORG_FILE = 'test/fixtures/org/wecom-callback.yaml';
const CHATS = 16;

const database = await benchDatabase();
const wecomApi = await startFakeWecomApi({
  corpId: KEYS.corpId,
  secret: KEYS.appSecret,
  webhookKeys: [KEYS.webhookKey],
});
const dingtalk = await FakeDingTalk.start();
const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-callbacks-'));
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
    BATON_QUEUE_PREFIX: `bench-callbacks-${Date.now()}`,
    BATON_ADMIN_TOKEN: 'bench-callbacks-admin-token-0123',
    BATON_DATA_DIR: dataDir,
    BATON_ORG_FILE: ORG_FILE,
    BATON_DIRECTORY_SYNC_MINUTES: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    WECOM_API_BASE: wecomApi.url,
    WECOM_CORP_ID: KEYS.corpId,
    WECOM_AGENT_ID: KEYS.agentId,
    WECOM_APP_SECRET: KEYS.appSecret,
    WECOM_APP_TOKEN: KEYS.appToken,
    WECOM_APP_AES_KEY: KEYS.appAesKey,
    ...dingtalk.env({ DINGTALK_MODE: 'http' }),
  },
  stdio: ['ignore', process.env.BENCH_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
});
const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

type Requests = NonNullable<Parameters<typeof runPaced>[0]['requests']>;
const sender = createCallbackSender(url, {
  token: KEYS.appToken,
  aesKey: KEYS.appAesKey,
  receiveId: KEYS.corpId,
});
let msgIds = 8_000_000_000_000_000_000n;
let clock = Date.now();

/** A route's requests and, per request, the message id the engine records once it ran it. */
interface Load {
  readonly requests: Requests;
  readonly messageIds: readonly string[];
}

/** Per route, a `/帮助` command per request from 郑一 (privately to the app; in groups on DingTalk). */
const ROUTES = {
  'POST /wecom/app': (_prefix: string, count: number): Load => {
    const messageIds: string[] = [];
    const requests = Array.from({ length: count }, () => {
      const msgId = msgIds++;
      messageIds.push(`app-ZhengYi-${msgId}`);
      const xml = `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[ZhengYi]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/帮助]]></Content><MsgId>${msgId}</MsgId><AgentID>${KEYS.agentId}</AgentID></xml>`;
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
        body: `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><Encrypt><![CDATA[${s.ciphertext}]]></Encrypt><AgentID><![CDATA[${KEYS.agentId}]]></AgentID></xml>`,
      };
    });
    return { requests, messageIds };
  },
  'POST /dingtalk/robot': (prefix: string, count: number): Load => {
    const messageIds: string[] = [];
    const requests = Array.from({ length: count }, (_, i) => {
      const msgId = `bench${prefix}${i}`;
      messageIds.push(msgId);
      const timestamp = String(++clock);
      return {
        method: 'POST',
        path: '/dingtalk/robot',
        headers: {
          'content-type': 'application/json',
          timestamp,
          sign: dingtalkSign(timestamp, FAKE_CLIENT_SECRET),
        },
        body: JSON.stringify(
          robotMessage(dingtalk, {
            senderStaffId: '0123456797',
            conversationId: `cidBench${i % CHATS}==`,
            text: '/帮助',
            msgId,
          }),
        ),
      };
    });
    return { requests, messageIds };
  },
} as const;

/** Of these message ids, those the engine has run (recorded once each in inbound_messages). */
async function ran(messageIds: readonly string[]): Promise<Set<string>> {
  const rows = await database.db
    .select({ id: inboundMessages.messageId })
    .from(inboundMessages)
    .where(inArray(inboundMessages.messageId, [...messageIds]));
  return new Set(rows.map((r) => r.id));
}

/** Waits until the commands answered 200 have all run (or `limitS` passed); seconds. */
async function untilRun(load: Load, result: PacedResult, limitS: number): Promise<number> {
  const accepted = load.messageIds.filter((_, i) => result.statuses[i] === 200);
  const started = performance.now();
  while ((performance.now() - started) / 1000 < limitS) {
    if ((await ran(accepted)).size >= accepted.length) break;
    await sleep(100);
  }
  return (performance.now() - started) / 1000;
}

function tally(result: PacedResult) {
  const of = (status: number) => result.statuses.filter((s) => s === status).length;
  return {
    accepted: of(200),
    unavailable: of(503),
    hung: of(-1),
    other: result.statuses.filter((s) => ![200, 503, -1].includes(s)).length,
  };
}

/** Accepted commands that ran, accepted ones that did not (lost), refused ones that ran anyway. */
async function check(load: Load, result: PacedResult) {
  const done = await ran(load.messageIds);
  const counts = { ran: 0, lost: 0, refusedButRan: 0 };
  load.messageIds.forEach((id, i) => {
    if (result.statuses[i] === 200) counts[done.has(id) ? 'ran' : 'lost'] += 1;
    else if (done.has(id)) counts.refusedButRan += 1;
  });
  return counts;
}

try {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('baton exited before serving');
    if ((await fetch(`${url}/readyz`).catch(() => null))?.status === 200) break;
    if (i > 600) throw new Error('baton did not serve within 60 s');
    await sleep(100);
  }
  const rows: string[][] = [];
  for (const [route, commands] of Object.entries(ROUTES)) {
    const tag = route.includes('wecom') ? 'W' : 'D';
    const burstLoad = commands(`c${tag}`, BURST);
    const burst = await runPaced({
      url,
      rate: BURST / 0.3,
      seconds: 0.3,
      connections: 50,
      requests: burstLoad.requests,
      timeoutMs: HUNG_AFTER_MS,
    });
    const drainS = await untilRun(burstLoad, burst, 120);
    const capacity = tally(burst).accepted / drainS;
    const rate = Math.round(2 * capacity);
    const load = commands(`o${tag}`, rate * SECONDS);
    const overload = await runPaced({
      url,
      rate,
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: load.requests,
      timeoutMs: HUNG_AFTER_MS,
    });
    const afterS = await untilRun(load, overload, 300);
    const t = tally(overload);
    const c = await check(load, overload);
    rows.push([
      route,
      `${capacity.toFixed(0)}/s`,
      `${rate}/s`,
      String(overload.sent),
      String(t.accepted),
      String(t.unavailable),
      String(t.other),
      String(t.hung),
      ms(overload.latencyMs.p99),
      ms(overload.latencyMs.max),
      `${afterS.toFixed(1)} s`,
      `${c.ran} / ${c.lost} / ${c.refusedButRan}`,
    ]);
  }
  printTable(
    `Platform callbacks at twice their capacity for ${SECONDS} s, open loop, ${CONNECTIONS} connections`,
    [
      'route',
      'capacity',
      'offered',
      'sent',
      '200',
      '503',
      'other',
      `hung (> ${HUNG_AFTER_MS / 1000} s)`,
      'p99',
      'max',
      'all run after',
      'accepted and run / accepted, never run (lost) / refused, yet run',
    ],
    rows,
  );
} finally {
  child.kill('SIGTERM');
  await exited;
  await wecomApi.close();
  await dingtalk.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
