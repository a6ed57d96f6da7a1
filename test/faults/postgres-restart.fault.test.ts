import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deliveries,
  events,
  inboundMessages,
  inbox,
  nodeOwners,
  nodes,
  outbox,
  taskCounters,
  tasks,
} from '../../src/infra/db/schema/index.js';
import { type FakeWecomApi, startFakeWecomApi } from '../fakes/wecom/api-server.js';
import { type CallbackSender, createCallbackSender } from '../fakes/wecom/callback-sender.js';
import { WECOM_TEST_KEYS } from '../fakes/wecom/http-engine.js';
import { freePort } from '../helpers/free-port.js';
import {
  createPrivateDatabase,
  type PrivatePostgres,
  startPrivatePostgres,
} from '../helpers/private-postgres.js';
import { connectTestRedis, TEST_REDIS_URL, testQueuePrefix } from '../helpers/test-redis.js';
import { waitFor } from '../helpers/wait-for.js';

/*
 * docs/RELIABILITY.md, "not yet tried": PostgreSQL restarted under load. A `baton all` process
 * (the production wiring: buildApp's error handler, the pool, the workers) runs against a
 * PostgreSQL cluster of this test's own and takes a burst of WeCom callbacks: commands creating
 * tasks over the API-mode bot (`/wecom/bot`, each in a group chat of its own) and, over the
 * self-built app (`/wecom/app`, private chat), 张三 finishing his node of tasks made before the
 * burst. Mid-burst the cluster is stopped (fast shutdown: sessions terminated, transactions in
 * flight rolled back), left down, and started again. Then, as WeCom does, every callback that
 * was not answered 200 is delivered again (twice, at the same moment), and a few that were
 * answered 200 are delivered again too. The record is checked against what was sent: a 200 only
 * for a command that is kept (in the inbox, then the database), a 503 with Retry-After (never a 500) while PostgreSQL
 * is away, each task exactly once with all its nodes, its de-dup mark, its audit event and its
 * card (in the delivery log and as WeCom got it), each finish once, no error reply, and the
 * process alive throughout.
 */

const ORG_FILE = 'test/fixtures/org/wecom-callback.yaml';
/** Tasks made before the burst, whose first node 张三 finishes during it (over the app). */
const PREPARED = 16;
/** Callbacks in the burst, one every INTERVAL_MS; PostgreSQL goes away after OUTAGE_AT_MS. */
const BURST = 48;
const INTERVAL_MS = 80;
const OUTAGE_AT_MS = 800;
const DOWN_MS = 1_500;
/** Nodes of every task: two in parallel (张三's first), then one. */
const NODE_LINES = ['准备 @张三 2小时内', '+ 复核 @李四 2小时内', '确认 @王五 3小时内'];
const REQUESTERS = ['ZhengYi', 'ZhaoLiu', 'WuShi', 'QianQi'] as const;

interface Command {
  readonly via: 'app' | 'bot';
  /** `create`: the bot command making task `title`; `finish`: 张三's /完成 of its node 1. */
  readonly kind: 'create' | 'finish';
  readonly title: string;
  /** The platform's message id as Baton keys it (inbound_messages.message_id). */
  readonly messageId: string;
  readonly plaintext: string;
}

/** One delivery of a callback and Baton's answer. */
interface Attempt {
  readonly command: Command;
  readonly sentAt: number;
  readonly answeredAt: number;
  /** 0 when the request itself failed (connection refused, timeout). */
  readonly status: number;
  readonly retryAfter: string | null;
  readonly text: string;
  /** The callback's nonce (a passive reply echoes it). */
  readonly nonce: string;
  readonly error: string | null;
}

/** A group @-command making a task, as the API-mode bot's callback carries it. */
function createCommand(apiUrl: string, title: string, n: number): Command {
  const msgid = `CAIQdrill${String(n).padStart(4, '0')}`;
  const text = [`@接力 /任务 ${title}`, ...NODE_LINES].join('\n');
  const plaintext = JSON.stringify({
    msgid,
    aibotid: 'aibFake',
    chatid: `wrDrill${n}`,
    chattype: 'group',
    from: { userid: REQUESTERS[n % REQUESTERS.length] },
    response_url: `${apiUrl}/cgi-bin/aibot/response?response_code=drill-${n}`,
    msgtype: 'text',
    text: { content: text },
  });
  return { via: 'bot', kind: 'create', title, messageId: msgid, plaintext };
}

/** 张三 finishing node 1 of task `#number` in his private chat with the self-built app. */
function finishCommand(title: string, number: number, n: number): Command {
  const msgId = String(7_400_000_000_000_000_000n + BigInt(n));
  const plaintext =
    `<xml><ToUserName><![CDATA[${WECOM_TEST_KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[ZhangSan]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[/完成 #${number}.1]]></Content><MsgId>${msgId}</MsgId><AgentID>${WECOM_TEST_KEYS.agentId}</AgentID></xml>`;
  return { via: 'app', kind: 'finish', title, messageId: `app-ZhangSan-${msgId}`, plaintext };
}

/** Sends one command's callback as WeCom does (freshly sealed and signed), keeping the headers. */
async function deliver(
  senders: { app: CallbackSender; bot: CallbackSender },
  baseUrl: string,
  command: Command,
): Promise<Attempt> {
  const sealed = senders[command.via].seal(command.plaintext);
  const query = new URLSearchParams({
    msg_signature: sealed.signature,
    timestamp: sealed.timestamp,
    nonce: sealed.nonce,
  });
  const init: RequestInit =
    command.via === 'app'
      ? {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: `<xml><ToUserName><![CDATA[${WECOM_TEST_KEYS.corpId}]]></ToUserName><Encrypt><![CDATA[${sealed.ciphertext}]]></Encrypt><AgentID><![CDATA[${WECOM_TEST_KEYS.agentId}]]></AgentID></xml>`,
        }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ encrypt: sealed.ciphertext }),
        };
  const sentAt = Date.now();
  const base = { command, sentAt, nonce: sealed.nonce };
  try {
    const response = await fetch(`${baseUrl}/wecom/${command.via}?${query}`, {
      ...init,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return {
      ...base,
      answeredAt: Date.now(),
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      text,
      error: null,
    };
  } catch (err) {
    return {
      ...base,
      answeredAt: Date.now(),
      status: 0,
      retryAfter: null,
      text: '',
      error: (err as Error).message,
    };
  }
}

/** `baton all` from the sources, as the other process-level fault tests run it. */
function startBaton(env: Readonly<Record<string, string>>) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli.ts', 'all'],
    {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const everything: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    everything.push(text);
    output = (output + text).slice(-30_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  return {
    output: () => output,
    /** All it wrote, for the check that no secret and no message content is in the logs. */
    everything: () => everything.join(''),
    alive: () => child.exitCode === null && child.signalCode === null,
    exitState: () => `exit code ${child.exitCode}, signal ${child.signalCode}`,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** The values that occur more than once. */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

describe('PostgreSQL restarted in the middle of a burst of WeCom callbacks', () => {
  const prefix = testQueuePrefix();
  let dir: string;
  let postgres: PrivatePostgres | null = null;
  let api: FakeWecomApi | null = null;
  let baton: ReturnType<typeof startBaton> | null = null;
  let pool: pg.Pool | null = null;
  let redis: Redis | null = null;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-pg-restart-'));
    postgres = await startPrivatePostgres();
    api = await startFakeWecomApi({
      corpId: WECOM_TEST_KEYS.corpId,
      secret: WECOM_TEST_KEYS.appSecret,
      webhookKeys: [WECOM_TEST_KEYS.webhookKey],
    });
  });
  afterEach(async () => {
    // Everything this test started goes, whatever failed: the process first, the cluster last.
    const steps: (() => Promise<unknown> | undefined)[] = [
      () => baton?.stop(),
      () => pool?.end(),
      () => api?.close(),
      async () => {
        redis ??= await connectTestRedis();
        const keys = await redis.keys(`*${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      },
      () => postgres?.destroy(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((err) => failures.push(err));
    baton = null;
    pool = null;
    api = null;
    redis = null;
    postgres = null;
    rmSync(dir, { recursive: true, force: true });
    if (failures.length > 0) throw failures[0];
  });

  it('answers 503 with Retry-After while it is away, and takes each redelivered command once after', async ({
    annotate,
  }) => {
    if (!postgres || !api) throw new Error('not set up');
    const server = postgres;
    const databaseUrl = await createPrivateDatabase(server, 'baton');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    baton = startBaton({
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      BATON_ORG_FILE: ORG_FILE,
      BATON_DATA_DIR: dir,
      BATON_ADMIN_TOKEN: 'postgres-restart-admin-token',
      BATON_PUBLIC_URL: url,
      HOST: '127.0.0.1',
      PORT: String(port),
      // Debug: the logs must hold no secret and no message content even at their most verbose.
      LOG_LEVEL: 'debug',
      BATON_DIRECTORY_SYNC_MINUTES: '0',
      // Delivery claims last two job locks: short, so that those caught by the outage move on
      // within the test.
      BATON_JOB_LOCK_MS: '3000',
      WECOM_API_BASE: api.url,
      WECOM_BOT_TOKEN: WECOM_TEST_KEYS.botToken,
      WECOM_BOT_AES_KEY: WECOM_TEST_KEYS.botAesKey,
      WECOM_CORP_ID: WECOM_TEST_KEYS.corpId,
      WECOM_AGENT_ID: WECOM_TEST_KEYS.agentId,
      WECOM_APP_SECRET: WECOM_TEST_KEYS.appSecret,
      WECOM_APP_TOKEN: WECOM_TEST_KEYS.appToken,
      WECOM_APP_AES_KEY: WECOM_TEST_KEYS.appAesKey,
    });
    const process_ = baton;
    /** What the server and the process said, for failure messages. */
    const explain = () =>
      `--- baton (${process_.alive() ? 'running' : process_.exitState()}) ---\n${process_.output()}\n--- postgres log ---\n${server.log().slice(-5_000)}`;
    /** waitFor, failing at once (with the output) should the process die. */
    const waitOrExplain = async <T>(
      check: () => T | Promise<T>,
      options: { what: string; timeoutMs?: number; intervalMs?: number },
    ) => {
      try {
        return await waitFor(async () => {
          if (!process_.alive()) throw new Error('the baton process died');
          return check();
        }, options);
      } catch (err) {
        throw new Error(`${(err as Error).message}\n${explain()}`);
      }
    };
    const ready = async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200;
    await waitOrExplain(ready, { what: 'baton ready', timeoutMs: 45_000, intervalMs: 200 });

    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // The test's own connections are cut by the restart too; they reconnect on the next query.
    pool.on('error', () => undefined);
    const db = drizzle(pool, { casing: 'snake_case' });
    const senders = {
      app: createCallbackSender(url, {
        token: WECOM_TEST_KEYS.appToken,
        aesKey: WECOM_TEST_KEYS.appAesKey,
        receiveId: WECOM_TEST_KEYS.corpId,
      }),
      bot: createCallbackSender(url, {
        token: WECOM_TEST_KEYS.botToken,
        aesKey: WECOM_TEST_KEYS.botAesKey,
        receiveId: '',
      }),
    };
    const fakeApi = api;
    const send = (command: Command) => deliver(senders, url, command);
    const show = (list: readonly Attempt[], from: number) =>
      list
        .map(
          (a) =>
            `${a.command.kind} ${a.command.title} (${a.command.via}) sent +${a.sentAt - from} ms, answered +${a.answeredAt - from} ms: ${a.status}${a.error ? ` ${a.error}` : ''}`,
        )
        .join('\n');

    // --- Before the burst: the tasks 张三 will finish his part of during it. ---
    const prepared = Array.from({ length: PREPARED }, (_, i) =>
      createCommand(fakeApi.url, `预备${String(i + 1).padStart(2, '0')}`, i),
    );
    const preparing = await Promise.all(prepared.map(send));
    expect(
      preparing.filter((a) => a.status !== 200),
      show(preparing, preparing[0]?.sentAt ?? 0),
    ).toEqual([]);
    // A 200 means kept in the inbox: the bot's commands, like the app's, run right after.
    await waitOrExplain(async () => (await db.select().from(tasks)).length === PREPARED, {
      what: 'the prepared tasks',
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const numbers = new Map(
      (await db.select().from(tasks)).map((t) => [t.title, t.number] as const),
    );
    const finishes = prepared.map((c, i) => finishCommand(c.title, numbers.get(c.title) ?? 0, i));
    expect(finishes.map((c) => c.plaintext).filter((p) => p.includes('#0.1'))).toEqual([]);

    // The burst: two new tasks over the bot, then a finish over the app, and so on.
    const burstCommands: Command[] = [];
    for (let i = 0, f = 0; burstCommands.length < BURST; i++) {
      const finish = finishes[f];
      if (burstCommands.length % 3 === 2 && finish) {
        burstCommands.push(finish);
        f++;
      } else {
        const n = PREPARED + i;
        burstCommands.push(
          createCommand(fakeApi.url, `停库演练${String(i + 1).padStart(2, '0')}`, n),
        );
      }
    }
    const commands = [...prepared, ...burstCommands];
    const byMessageId = new Map(commands.map((c) => [c.messageId, c]));
    const creations = commands.filter((c) => c.kind === 'create');
    const createdTitles = new Set(creations.map((c) => c.title));

    // --- The burst, with PostgreSQL stopped in the middle of it and started again. ---
    const started = Date.now();
    const outage = { stopCalled: 0, stopped: 0, startCalled: 0, started: 0 };
    const restart = (async () => {
      await sleep(OUTAGE_AT_MS);
      outage.stopCalled = Date.now();
      await server.stop('fast');
      outage.stopped = Date.now();
      await sleep(DOWN_MS);
      outage.startCalled = Date.now();
      await server.start();
      outage.started = Date.now();
    })();
    const burst = await Promise.all(
      burstCommands.map(async (command, i) => {
        await sleep(Math.max(0, started + i * INTERVAL_MS - Date.now()));
        return send(command);
      }),
    );
    await restart;
    const timeline = () =>
      `PostgreSQL stop +${outage.stopCalled - started}..+${outage.stopped - started} ms, start +${outage.startCalled - started}..+${outage.started - started} ms\n${show(burst, started)}${process_.alive() ? '' : `\n${explain()}`}`;

    // Only 200 (taken) or 503 with Retry-After (send it again later): never a 500, never lost.
    expect(
      burst.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.command.title),
      timeline(),
    ).toEqual([]);
    for (const a of burst.filter((b) => b.status === 503))
      expect(a.retryAfter, `${a.command.title}: Retry-After`).toMatch(/^[1-9][0-9]*$/);
    // Every callback that came and went while PostgreSQL was down was refused with 503.
    const whileDown = burst.filter(
      (a) => a.sentAt >= outage.stopped && a.answeredAt <= outage.startCalled,
    );
    expect(whileDown.length, timeline()).toBeGreaterThanOrEqual(10);
    expect(
      whileDown.filter((a) => a.status !== 503).map((a) => a.command.title),
      timeline(),
    ).toEqual([]);
    expect(
      new Set(whileDown.map((a) => a.command.kind)),
      `both kinds of command during the outage\n${timeline()}`,
    ).toEqual(new Set(['create', 'finish']));
    // The burst ran on both sides of the outage: some taken before it, some after.
    expect(
      burst.filter((a) => a.answeredAt < outage.stopCalled && a.status === 200).length,
      timeline(),
    ).toBeGreaterThan(0);
    expect(
      burst.filter((a) => a.sentAt > outage.started && a.status === 200).length,
      timeline(),
    ).toBeGreaterThan(0);
    // The process survived and serves again.
    await waitOrExplain(ready, { what: 'baton ready again after the restart', timeoutMs: 20_000 });

    /**
     * What is in the database, checked for half-written commands: every task has its three nodes
     * (each with its owner), its task.created event and its card in the delivery log; numbers run
     * 1..n with no gap; a command's de-dup mark is there exactly when its effect is (the task, or
     * the finished node and its event); nothing was done twice, no command answered with an error.
     */
    const record = async () => {
      const [taskRows, nodeRows, ownerRows, eventRows, deliveryRows, inboundRows, counters] =
        await Promise.all([
          db.select().from(tasks),
          db.select().from(nodes),
          db.select().from(nodeOwners),
          db.select().from(events),
          db.select().from(deliveries),
          db.select().from(inboundMessages),
          db.select().from(taskCounters),
        ]);
      const titles = taskRows.map((t) => t.title);
      expect(repeated(titles), 'tasks created twice').toEqual([]);
      expect(
        titles.filter((t) => !createdTitles.has(t)),
        'tasks no command asked for',
      ).toEqual([]);
      expect(
        taskRows.map((t) => t.number).sort((a, b) => a - b),
        'task numbers 1..n',
      ).toEqual(taskRows.map((_, i) => i + 1));
      expect(
        counters.map((c) => c.lastNumber),
        'the task counter',
      ).toEqual([taskRows.length]);
      const finished: string[] = [];
      for (const task of taskRows) {
        const own = nodeRows.filter((n) => n.taskId === task.id);
        expect(own.map((n) => n.seq).sort(), `${task.title}: nodes`).toEqual([1, 2, 3]);
        for (const node of own)
          expect(
            ownerRows.filter((o) => o.nodeId === node.id).length,
            `${task.title}.${node.seq}: owner`,
          ).toBeGreaterThan(0);
        const eventsOf = (type: string) =>
          eventRows.filter((e) => e.taskId === task.id && e.type === type);
        expect(eventsOf('task.created'), `${task.title}: task.created`).toHaveLength(1);
        expect(
          deliveryRows.filter((d) => d.taskId === task.id && d.purpose === 'task-card'),
          `${task.title}: its card in the delivery log`,
        ).toHaveLength(1);
        const first = own.find((n) => n.seq === 1);
        const completed = eventsOf('node.completed');
        expect(completed.length, `${task.title}: node.completed`).toBeLessThanOrEqual(1);
        expect(completed.every((e) => e.nodeId === first?.id)).toBe(true);
        expect(first?.status === 'done', `${task.title}.1 done iff its event`).toBe(
          completed.length === 1,
        );
        if (completed.length === 1) finished.push(task.title);
      }
      const marked = inboundRows.filter((m) => m.platform === 'wecom').map((m) => m.messageId);
      expect(
        marked.filter((id) => !byMessageId.has(id)),
        'de-dup marks of no command',
      ).toEqual([]);
      const markedOf = (kind: Command['kind']) =>
        marked
          .map((id) => byMessageId.get(id))
          .filter((c) => c?.kind === kind)
          .map((c) => c?.title)
          .sort();
      expect(markedOf('create'), 'a task without its de-dup mark, or the reverse').toEqual(
        [...titles].sort(),
      );
      expect(markedOf('finish'), 'a finish without its de-dup mark, or the reverse').toEqual(
        finished.sort(),
      );
      const errors = deliveryRows.filter((d) => JSON.stringify(d.message).includes('❗'));
      expect(
        errors.map((d) => JSON.stringify(d.message)),
        'error replies (a command handled twice)',
      ).toEqual([]);
      return { taskRows, titles: new Set(titles), finished: new Set(finished) };
    };

    // Before any redelivery: a 200 meant the command was taken (WeCom will not send it again).
    // App messages were taken into the inbox; those whose engine run met the outage run again
    // once PostgreSQL is back, without any redelivery.
    await waitOrExplain(async () => (await db.select().from(inbox)).length === 0, {
      what: 'the inbox run',
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const afterBurst = await record();
    const answered = new Set(
      burst.filter((a) => a.status === 200).map((a) => byMessageId.get(a.command.messageId)),
    );
    const taken = (c: Command) =>
      c.kind === 'create' ? afterBurst.titles.has(c.title) : afterBurst.finished.has(c.title);
    expect(
      burstCommands.filter((c) => answered.has(c) && !taken(c)).map((c) => c.title),
      `answered 200 but not in the database\n${timeline()}`,
    ).toEqual([]);

    // --- WeCom redelivers what was not answered 200 (here twice at once), and a few that were. ---
    const unanswered = burstCommands.filter((c) => !answered.has(c));
    const answeredList = burstCommands.filter((c) => answered.has(c));
    const duplicates = [...answeredList.slice(0, 3), ...answeredList.slice(-3)];
    expect(unanswered.length).toBeGreaterThanOrEqual(10);
    expect(duplicates).toHaveLength(6);
    const redeliveryStarted = Date.now();
    const redelivered = await Promise.all([...unanswered, ...unanswered, ...duplicates].map(send));
    expect(
      redelivered.filter((a) => a.status !== 200).map((a) => a.command.title),
      show(redelivered, redeliveryStarted),
    ).toEqual([]);

    // --- Every command taken exactly once, nothing half-written, every message out. ---
    // Settled: sent (or merged into a digest), or given up for good. A delivery claimed when
    // PostgreSQL went away stays claimed until its lease runs out (two job locks, shortened here).
    const unsettled = async () => {
      const rows = await db.select().from(deliveries);
      const moving = rows.filter((d) => !['sent', 'merged', 'dead'].includes(d.status));
      return moving.length === 0
        ? true
        : moving.map((d) => `${d.id} ${d.purpose} to ${d.targetId}: ${d.status} ${d.lastError}`);
    };
    const settling = await waitOrExplain(
      async () => {
        const state = await unsettled();
        return state === true ? state : undefined;
      },
      { what: 'every delivery settled', timeoutMs: 30_000, intervalMs: 200 },
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}\nstill moving: ${JSON.stringify(await unsettled())}`);
    });
    expect(settling).toBe(true);
    await waitOrExplain(
      async () => (await db.select().from(outbox)).every((row) => row.relayedAt !== null),
      { what: 'the outbox relayed', timeoutMs: 10_000, intervalMs: 200 },
    );
    expect(await db.select().from(inbox), 'inbound events left in the inbox').toEqual([]);
    const final = await record();
    expect([...final.titles].sort()).toEqual([...createdTitles].sort());
    expect([...final.finished].sort()).toEqual(finishes.map((c) => c.title).sort());
    const settled = await db.select().from(deliveries);
    expect(repeated(settled.map((d) => d.dedupeKey)), 'deliveries logged twice').toEqual([]);
    // Given up only where no path exists: an API-mode bot posts to a group only as the answer to
    // a callback from it, and these groups have no webhook key (the card updates after 张三's
    // finish; and a card sent as a passive reply whose "sent" could not be written before
    // PostgreSQL went away, then found no callback waiting when tried again).
    expect(
      settled
        .filter(
          (d) =>
            d.status === 'dead' &&
            !(
              d.targetKind === 'chat' &&
              d.targetId.startsWith('wrDrill') &&
              d.lastError?.startsWith('configuration: no WeCom path to this group')
            ),
        )
        .map((d) => `${d.purpose} to ${d.targetId}: ${d.lastError}`),
      'messages given up',
    ).toEqual([]);
    // Each group got its task's card exactly once: as the callback's passive reply, or later
    // through the response_url (as markdown into a group).
    const taskRef = /#\d+ (?:停库演练|预备)\d+/;
    const cardTitles: string[] = [];
    for (const a of [...preparing, ...burst, ...redelivered]) {
      if (a.command.via !== 'bot' || a.status !== 200 || a.text === '') continue;
      const reply = senders.bot.openJsonReply(a.text, a.nonce) as {
        template_card?: { main_title?: { title?: string } };
      };
      cardTitles.push(reply.template_card?.main_title?.title ?? JSON.stringify(reply));
    }
    for (const call of fakeApi.callsOf('aibot/response')) {
      const text = JSON.stringify(call.body);
      cardTitles.push(taskRef.exec(text)?.[0] ?? text);
    }
    const expectedCards = final.taskRows.map((t) => `#${t.number} ${t.title}`);
    expect(cardTitles.sort(), 'task cards as the groups got them').toEqual(expectedCards.sort());
    // Private messages through the app, each exactly once: one sent just before PostgreSQL went
    // away, whose "sent" could not be written then, is recorded from its receipt in Redis when
    // tried again, not sent a second time.
    const privateSends = fakeApi
      .callsOf('message/send')
      .filter((c) => c.errcode === 0)
      .map((c) =>
        JSON.stringify(c.body, (key, value: unknown) => (key === 'task_id' ? undefined : value)),
      );
    const resent = repeated(privateSends);
    expect(resent, 'private messages sent twice').toEqual([]);
    expect(process_.alive(), explain()).toBe(true);
    // The logs of all this, outage errors included: no secret, no command or message text. (The
    // admin link printed once to the terminal at start is not a log line.)
    const output = process_.everything();
    const logs = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .join('\n');
    const secrets = [
      WECOM_TEST_KEYS.botToken,
      WECOM_TEST_KEYS.botAesKey,
      WECOM_TEST_KEYS.appSecret,
      WECOM_TEST_KEYS.appToken,
      WECOM_TEST_KEYS.appAesKey,
      'postgres-restart-admin-token',
    ];
    expect(
      secrets.filter((secret) => logs.includes(secret)),
      'secrets in the logs',
    ).toEqual([]);
    const contents = ['停库演练', '预备', '准备 @张三', '/完成'];
    expect(
      contents.filter((text) => output.includes(text)),
      `message text in the logs:\n${output
        .split('\n')
        .filter((line) => contents.some((text) => line.includes(text)))
        .map((line) => line.slice(0, 600))
        .join('\n')}`,
    ).toEqual([]);
    expect(logs, 'the logs were captured').toContain('"level":');
    const count = (list: readonly Attempt[], status: number) =>
      list.filter((a) => a.status === status).length;
    await annotate(
      `burst of ${burst.length}: ${count(burst, 200)} × 200, ${count(burst, 503)} × 503 ` +
        `(${whileDown.length} while PostgreSQL was down ${outage.startCalled - outage.stopped} ms); ` +
        `${redelivered.length} redeliveries (${unanswered.length} × 2 + ${duplicates.length} duplicates), all 200; ` +
        `${final.taskRows.length} tasks, ${final.finished.size} finishes, ${settled.length} deliveries ` +
        `(${settled.filter((d) => d.status === 'dead').length} to groups with no path); ` +
        `${privateSends.length} private sends, ${resent.length} repeated`,
    );
  }, 110_000);
});
