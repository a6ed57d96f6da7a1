import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notInArray } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOrgFile } from '../../src/infra/db/repositories/org-import.drizzle.js';
import {
  cardRefs,
  deliveries,
  events,
  firedPings,
  inboundMessages,
  nodeOwners,
  nodes,
  simMessages,
  tasks,
} from '../../src/infra/db/schema/index.js';
import { parseOrgFile } from '../../src/infra/org/org-file.parser.js';
import type { OrgFile } from '../../src/infra/org/org-file.schema.js';
import { QUEUE_NAMES } from '../../src/infra/queue/queue-names.js';
import { createQueues, type Queues } from '../../src/infra/queue/queues.js';
import { type FakeWecomApi, startFakeWecomApi } from '../fakes/wecom/api-server.js';
import { createCallbackSender } from '../fakes/wecom/callback-sender.js';
import { WECOM_TEST_KEYS } from '../fakes/wecom/http-engine.js';
import { createBatonProcesses } from '../helpers/baton-processes.js';
import { freePort } from '../helpers/free-port.js';
import { startJobReplayer } from '../helpers/job-replayer.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { connectTestRedis, TEST_REDIS_URL, testQueuePrefix } from '../helpers/test-redis.js';
import { waitFor } from '../helpers/wait-for.js';

/*
 * Two `baton serve` and two `baton worker` processes at once on one PostgreSQL database and one
 * Redis prefix (docs/RELIABILITY.md, "not yet tried"). Commands go to both serve processes in
 * turn (simulator, on beside WeCom, so in its sandbox organisation, here the same org file) and,
 * over WeCom's self-built-app callback, the same message to both at the same moment, acting on
 * tasks made in WeCom groups; pings fire while both workers run, and so do three runs each of the
 * weekly report and the daily digest. Besides, every ping and every delivery gets two replayed jobs (see
 * job-replayer.ts), so both workers run the same one at the same moment. Then the record is
 * checked: fired pings, events, the delivery log, and what the platforms got (the simulator's
 * transcript, the fake WeCom API's calls): every command acted on once, every ping, report and
 * digest sent once, nothing else.
 */

const BASE_ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';

/**
 * Tasks whose nodes run late within seconds: per node a reminder at half time, level 1 (owner
 * and, when someone else, the department's liaison) at the deadline, level 2 (the coordination
 * chat) two seconds later. Owners are by name, as typed; two tasks have two parallel nodes.
 * 王五, 钱七 and 赵六 are not their department's liaison: their level 1 goes to two people.
 */
const TIMED_TASKS = [
  { chat: 'office', by: 'zhengyi', owners: ['王五'] },
  { chat: 'annual-party', by: 'zhaoliu', owners: ['钱七', '张三'] },
  { chat: 'office', by: 'wushi', owners: ['赵六'] },
  { chat: 'annual-party', by: 'zhengyi', owners: ['孙八'] },
  { chat: 'office', by: 'zhaoliu', owners: ['周九', '吴十'] },
  { chat: 'annual-party', by: 'wushi', owners: ['李四'] },
  { chat: 'office', by: 'zhengyi', owners: ['冯十二'] },
  { chat: 'annual-party', by: 'zhaoliu', owners: ['陈十三'] },
] as const;
const DEADLINE = '8秒内';
/** Each timed node's pings, by kind and level. */
const PING_STEPS = ['remind-0', 'escalate-1', 'escalate-2'] as const;

/**
 * Tasks made in WeCom groups (over the API-mode bot) with nodes far from their deadline, for
 * commands over WeCom's app: one to finish, one to nudge.
 */
const TO_FINISH = { title: '待完成', chat: 'wrOffice', by: 'ZhengYi', owner: '张三' } as const;
const TO_NUDGE = { title: '待催办', chat: 'wrParty', by: 'ZhengYi', owner: '孙八' } as const;
const ADMIN_TOKEN = 'multi-process-admin-token';

/** `YYYY-MM-DD` of `at` in Shanghai, and its weekday (0 = Sunday). */
function shanghaiDate(at: Date): { date: string; weekday: number } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
  return { date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay() };
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The WeCom groups' robot webhooks: how their cards reach them besides the bot's answers. */
const WEBHOOKS = { wrOffice: 'robot-key-office', wrParty: 'robot-key-party' } as const;

/**
 * The fast ladder's org file with a calendar on which today is a working day and the first of
 * its week (the days before it this week are holidays), so that the weekly report and the daily
 * digest both have something to send whatever day the test runs (tomorrow works too, should the
 * run cross midnight in Shanghai). `file` is the simulator's sandbox; `realFile` the same
 * organisation on WeCom, whose coordination chats are the WeCom groups.
 */
function writeOrgFileForToday(dir: string): {
  file: string;
  org: OrgFile;
  realFile: string;
  real: OrgFile;
  today: string;
  lastWeek: string;
} {
  const { date, weekday } = shanghaiDate(new Date());
  const monday = addDays(date, -((weekday + 6) % 7));
  const before: string[] = [];
  for (let d = monday; d < date; d = addDays(d, 1)) before.push(d);
  const text = readFileSync(BASE_ORG_FILE, 'utf8')
    .replace(/^extraHolidays: \[\]$/m, `extraHolidays: [${before.join(', ')}]`)
    .replace(/^extraWorkdays: \[\]$/m, `extraWorkdays: [${date}, ${addDays(date, 1)}]`);
  const file = join(dir, 'org.yaml');
  writeFileSync(file, text);
  const realText = text.replace(
    /^ {4}- \{ platform: sim, chatId: coordination, name: 跨部门协调群 \}$/m,
    Object.entries(WEBHOOKS)
      .map(([chat, key]) => `    - { platform: wecom, chatId: ${chat}, webhookKey: ${key} }`)
      .join('\n'),
  );
  const realFile = join(dir, 'real-org.yaml');
  writeFileSync(realFile, realText);
  return {
    file,
    org: parseOrgFile(text, file),
    realFile,
    real: parseOrgFile(realText, realFile),
    today: date,
    lastWeek: addDays(monday, -7),
  };
}

/** JSON with sorted keys: the same value reads the same whichever process wrote it. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** How many times each value occurs. */
function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The values that occur more than once, with their counts. */
function repeated(values: readonly string[]): [string, number][] {
  return [...tally(values)].filter(([, n]) => n > 1);
}

/** A delivery that reached its chat: sent, or merged into a digest that was sent. */
const SETTLED: readonly string[] = ['sent', 'merged'];

describe('two serve and two worker processes on one database and one Redis, at once', () => {
  const processes = createBatonProcesses();
  const prefix = testQueuePrefix();
  let dir: string;
  let database: TestDatabase;
  let redis: Redis;
  let queues: Queues;
  let api: FakeWecomApi;
  let org: ReturnType<typeof writeOrgFileForToday>;
  let replayer: ReturnType<typeof startJobReplayer> | null = null;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-multi-'));
    org = writeOrgFileForToday(dir);
    database = await createTestDatabase();
    await importOrgFile(database.db, org.real);
    redis = await connectTestRedis();
    queues = createQueues(redis, prefix);
    api = await startFakeWecomApi({
      corpId: WECOM_TEST_KEYS.corpId,
      secret: WECOM_TEST_KEYS.appSecret,
      webhookKeys: Object.values(WEBHOOKS),
    });
  });
  afterEach(async () => {
    // Children first, even when the test failed half-way: nothing may outlive the test.
    await replayer?.stop({ lastPass: false }).catch(() => undefined);
    replayer = null;
    await processes.stopAll();
    await queues?.close();
    if (redis) {
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await api?.close();
    await database?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('acts on each command once and sends each ping, report and digest once', async ({
    annotate,
  }) => {
    const { db } = database;
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      BATON_ORG_FILE: org.realFile,
      BATON_DATA_DIR: dir,
      BATON_ADMIN_TOKEN: ADMIN_TOKEN,
      // The simulator beside WeCom acts in its sandbox; give it the fast ladder too.
      BATON_SIMULATOR: 'on',
      BATON_SIMULATOR_ORG_FILE: org.file,
      // One address for all, as behind a load balancer: cards carry the same links.
      BATON_PUBLIC_URL: 'http://baton.test',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The org file is the directory here; no contacts sync from the fake WeCom.
      BATON_DIRECTORY_SYNC_MINUTES: '0',
      WECOM_API_BASE: api.url,
      WECOM_BOT_TOKEN: WECOM_TEST_KEYS.botToken,
      WECOM_BOT_AES_KEY: WECOM_TEST_KEYS.botAesKey,
      WECOM_CORP_ID: WECOM_TEST_KEYS.corpId,
      WECOM_AGENT_ID: WECOM_TEST_KEYS.agentId,
      WECOM_APP_SECRET: WECOM_TEST_KEYS.appSecret,
      WECOM_APP_TOKEN: WECOM_TEST_KEYS.appToken,
      WECOM_APP_AES_KEY: WECOM_TEST_KEYS.appAesKey,
    };
    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries())
      processes.start(`serve-${i + 1}`, 'serve', { ...env, PORT: String(port) });
    for (const i of [1, 2]) processes.start(`worker-${i}`, 'worker', env);
    const urls = ports.map((port) => `http://127.0.0.1:${port}`);
    /** Every process still running; on failure, what they said. */
    const allAlive = () => expect(processes.exited(), processes.outputs()).toEqual([]);

    /** waitFor, failing at once should a process die, with what the processes said. */
    const waitOrExplain = async <T>(
      check: () => T | Promise<T>,
      options: { what: string; timeoutMs?: number; intervalMs?: number },
    ) => {
      try {
        return await waitFor(async () => {
          const gone = processes.exited();
          if (gone.length > 0) throw new Error(`a process died:\n${gone.join('\n')}`);
          return check();
        }, options);
      } catch (err) {
        throw new Error(`${(err as Error).message}\n${processes.outputs()}`);
      }
    };
    for (const url of urls) {
      await waitOrExplain(
        async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200,
        { what: `${url} ready`, timeoutMs: 45_000, intervalMs: 200 },
      );
    }
    // Each worker process holds a blocking connection per queue it works.
    for (const queue of [QUEUE_NAMES.schedule, QUEUE_NAMES.delivery, QUEUE_NAMES.report]) {
      await waitOrExplain(async () => (await queues.queue(queue).getWorkers()).length === 2, {
        what: `both worker processes on the ${queue} queue`,
        timeoutMs: 45_000,
        intervalMs: 200,
      });
    }

    // Every ping and every delivery gets two more jobs under fresh ids, so that both workers
    // run the same ping and the same delivery at the same moment.
    replayer = startJobReplayer({ db, queues });

    // --- Load: every command at once, alternating between the two serve processes. ---
    const simCommands = TIMED_TASKS.map((t, i) => ({
      chat: t.chat,
      by: t.by,
      text: `/任务 巡检${i + 1}\n${t.owners.map((o, j) => `${j > 0 ? '+ ' : ''}检查${j + 1} @${o} ${DEADLINE}`).join('\n')}`,
    }));
    const bot = createCallbackSender(urls[0] ?? '', {
      token: WECOM_TEST_KEYS.botToken,
      aesKey: WECOM_TEST_KEYS.botAesKey,
      receiveId: '',
    });
    const commandsStarted = Date.now();
    await Promise.all([
      ...simCommands.map(async (c, i) => {
        const answer = await fetch(`${urls[i % 2]}/sim/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({ conversation: c.chat, personId: c.by, text: c.text }),
        });
        expect(answer.status, c.text).toBe(202);
      }),
      // Answered once the engine committed the task (the answer carries its card).
      ...[TO_FINISH, TO_NUDGE].map(async (t, i) => {
        const answer = await bot.postJson('/wecom/bot', {
          msgid: `msg-mp-${i}`,
          aibotid: 'aibFake',
          chatid: t.chat,
          chattype: 'group',
          from: { userid: t.by },
          response_url: `${api.url}/cgi-bin/aibot/response?response_code=mp-${i}`,
          msgtype: 'text',
          text: { content: `@接力 /任务 ${t.title}\n处理 @${t.owner} 1小时内` },
        });
        expect(answer.status, t.title).toBe(200);
      }),
    ]);

    const taskRows = await db.select().from(tasks);
    const numberOf = (title: string) => {
      const task = taskRows.find((t) => t.title === title);
      if (!task) throw new Error(`no task ${title}`);
      return task.number;
    };

    // WeCom (self-built app, private chat) commands, each delivered to both serve processes at
    // the same moment and then once more, as WeCom does with a callback it thinks unanswered.
    const senders = urls.map((url) =>
      createCallbackSender(url, {
        token: WECOM_TEST_KEYS.appToken,
        aesKey: WECOM_TEST_KEYS.appAesKey,
        receiveId: WECOM_TEST_KEYS.corpId,
      }),
    );
    const wecomCommands = [
      { from: 'ZhangSan', msgId: '7300000000000000001', text: `/完成 #${numberOf('待完成')}.1` },
      { from: 'ZhengYi', msgId: '7300000000000000002', text: `/催办 #${numberOf('待催办')}.1` },
      { from: 'LiSi', msgId: '7300000000000000003', text: '/我的' },
    ];
    const appXml = (c: (typeof wecomCommands)[number]) =>
      `<xml><ToUserName><![CDATA[${WECOM_TEST_KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[${c.from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${c.text}]]></Content><MsgId>${c.msgId}</MsgId><AgentID>${WECOM_TEST_KEYS.agentId}</AgentID></xml>`;
    const answers = await Promise.all(
      wecomCommands.map(async (c) => {
        const both = await Promise.all(senders.map((s) => s.postXml('/wecom/app', appXml(c))));
        return [...both, await senders[0]?.postXml('/wecom/app', appXml(c))];
      }),
    );
    for (const answer of answers.flat()) expect(answer?.status).toBe(200);
    // The workers ran them (from the inbox) before the digest: 张三's WeCom node is done by then.
    await waitOrExplain(
      async () =>
        (await db.select().from(tasks)).find((t) => t.title === TO_FINISH.title)?.status ===
          'done' && (await db.select().from(events)).some((e) => e.type === 'node.nudged'),
      { what: 'the WeCom commands run', timeoutMs: 20_000, intervalMs: 100 },
    );

    // The weekly report and the daily digest, each run three times at once across the workers
    // (as after a retry, or a scheduler run doubled by a failover).
    const reportJobs = [1, 2, 3].flatMap((i) => [
      { name: 'weekly-report' as const, id: `mp-weekly-${i}` },
      { name: 'daily-digest' as const, id: `mp-digest-${i}` },
    ]);
    await Promise.all(reportJobs.map((j) => queues.add(j.name, { version: 1 }, { jobId: j.id })));

    // --- Wait for the schedule to run out and every message to be out. ---
    const timedNodes = TIMED_TASKS.reduce((n, t) => n + t.owners.length, 0);
    const expectedPingCount = timedNodes * PING_STEPS.length;
    await waitOrExplain(
      async () => (await db.select().from(firedPings)).length >= expectedPingCount,
      {
        what: `${expectedPingCount} pings fired`,
        timeoutMs: 45_000,
        intervalMs: 200,
      },
    );
    const reportQueue = queues.queue(QUEUE_NAMES.report);
    for (const j of reportJobs) {
      await waitOrExplain(async () => (await reportQueue.getJob(j.id))?.finishedOn, {
        what: `report job ${j.id} finished`,
      });
      expect((await reportQueue.getJob(j.id))?.failedReason, j.id).toBeUndefined();
    }
    await waitOrExplain(
      async () =>
        (
          await db
            .select({ id: deliveries.id })
            .from(deliveries)
            .where(notInArray(deliveries.status, ['sent', 'merged', 'dead']))
        ).length === 0,
      { what: 'every delivery settled', timeoutMs: 20_000, intervalMs: 200 },
    );
    const replayed = await replayer.stop();
    replayer = null;
    // The replays of the last pings and deliveries run out (a second message would come now).
    const schedule = queues.queue(QUEUE_NAMES.schedule);
    const delivery = queues.queue(QUEUE_NAMES.delivery);
    await waitOrExplain(
      async () => {
        const busy = Object.values(
          await delivery.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        ).concat(Object.values(await schedule.getJobCounts('waiting', 'active', 'prioritized')));
        const dueSoon = (await schedule.getDelayed()).filter(
          (job) => job.timestamp + (job.delay ?? 0) < Date.now() + 60_000,
        );
        return busy.every((n) => n === 0) && dueSoon.length === 0;
      },
      { what: 'the queues drained', timeoutMs: 30_000, intervalMs: 200 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    allAlive();
    const elapsedS = (Date.now() - commandsStarted) / 1000;

    const [allTasks, allNodes, owners, fired, allEvents, sent, transcript, refs, inbound] =
      await Promise.all([
        db.select().from(tasks),
        db.select().from(nodes),
        db.select().from(nodeOwners),
        db.select().from(firedPings),
        db.select().from(events),
        db.select().from(deliveries),
        db.select().from(simMessages),
        db.select().from(cardRefs),
        db.select().from(inboundMessages),
      ]);
    const people = org.org.people;
    const personIdByName = new Map(people.map((p) => [p.name, p.id]));
    const liaisonOf = (personId: string) => {
      const department = people.find((p) => p.id === personId)?.department;
      return org.org.departments.find((d) => d.id === department)?.liaison ?? null;
    };
    const failed = sent.filter((d) => !SETTLED.includes(d.status));
    expect(failed, 'deliveries not sent').toEqual([]);
    // The log's own keys (unique in the schema too): no ping fired twice, no message logged twice.
    expect(repeated(fired.map((p) => p.id)), 'pings fired twice').toEqual([]);
    expect(repeated(sent.map((d) => d.dedupeKey)), 'deliveries logged twice').toEqual([]);

    // --- Commands: each acted on once, none lost. ---
    // Every sim command was taken (once) and made one task in the sandbox, every WeCom one in
    // the real organisation; each tenant's numbers are unique and gap-free.
    const typed = transcript.filter((m) => m.direction === 'in');
    expect(typed).toHaveLength(simCommands.length);
    const simInbound = inbound.filter((m) => m.platform === 'sim').map((m) => m.messageId);
    expect(simInbound.sort()).toEqual(typed.map((m) => `sim-${m.id}`).sort());
    const titlesOf = (tenantId: string) =>
      allTasks
        .filter((t) => t.tenantId === tenantId)
        .map((t) => t.title)
        .sort();
    expect(titlesOf('sandbox')).toEqual(TIMED_TASKS.map((_, i) => `巡检${i + 1}`).sort());
    expect(titlesOf('default')).toEqual([TO_FINISH.title, TO_NUDGE.title].sort());
    for (const tenantId of ['sandbox', 'default']) {
      const numbers = allTasks.filter((t) => t.tenantId === tenantId).map((t) => t.number);
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    }
    const created = allEvents.filter((e) => e.type === 'task.created').map((e) => e.taskId ?? '');
    expect(repeated(created), 'tasks created twice').toEqual([]);
    expect(created).toHaveLength(allTasks.length);
    const taskCards = sent.filter((d) => d.purpose === 'task-card');
    expect(taskCards.map((d) => d.taskId).sort()).toEqual(allTasks.map((t) => t.id).sort());

    // The WeCom commands, each delivered three times to two processes, were acted on once.
    expect(
      inbound
        .filter((m) => m.platform === 'wecom' && m.messageId.startsWith('app-'))
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(wecomCommands.map((c) => `app-${c.from}-${c.msgId}`).sort());
    const finished = allTasks.find((t) => t.title === TO_FINISH.title);
    const nudged = allTasks.find((t) => t.title === TO_NUDGE.title);
    expect(finished?.status).toBe('done');
    const eventsOf = (taskId: string | undefined, type: string) =>
      allEvents.filter((e) => e.taskId === taskId && e.type === type);
    for (const type of ['node.owner_done', 'node.completed', 'task.done'])
      expect(eventsOf(finished?.id, type), type).toHaveLength(1);
    expect(eventsOf(nudged?.id, 'node.nudged')).toHaveLength(1);
    // A second handling would have been answered with an error (已完成, 刚催办过).
    const replies = api.callsOf('message/send');
    const errorReplies = [
      ...replies.map((c) => JSON.stringify(c.body)),
      ...transcript.filter((m) => m.direction === 'out').map((m) => JSON.stringify(m.body)),
    ].filter((text) => text.includes('❗'));
    expect(errorReplies, 'error replies').toEqual([]);
    for (const c of wecomCommands) {
      const answered = sent.filter(
        (d) =>
          d.purpose === 'reply' && d.dedupeKey.startsWith(`in-wecom-app-${c.from}-${c.msgId}-`),
      );
      expect(answered, c.text).toHaveLength(1);
    }

    // --- Pings: each timed node's three pings fired once; the far-off nodes' none. ---
    const timedTaskIds = new Set(
      allTasks.filter((t) => t.title.startsWith('巡检')).map((t) => t.id),
    );
    const timed = allNodes.filter((n) => timedTaskIds.has(n.taskId));
    expect(timed).toHaveLength(timedNodes);
    const expectedPingIds = timed.flatMap((n) =>
      PING_STEPS.map((step) => {
        const [kind, level] = step.split('-');
        return `${kind}-${n.id}-v${n.deadlineVersion}-${level}`;
      }),
    );
    expect(fired.map((p) => p.id).sort()).toEqual(expectedPingIds.sort());
    expect(fired.filter((p) => p.late)).toEqual([]);
    const pingEvents = allEvents
      .filter((e) => e.type === 'node.reminded' || e.type === 'node.escalated')
      .map((e) => String((e.data as { pingId?: unknown }).pingId));
    expect(pingEvents.sort(), 'one event per ping').toEqual(expectedPingIds.sort());

    // Each ping's messages went to exactly the people and chats it names, once each.
    const taskOf = new Map(allTasks.map((t) => [t.id, t]));
    for (const node of timed) {
      const [owner] = owners.filter((o) => o.nodeId === node.id).map((o) => o.personId);
      if (!owner) throw new Error(`node ${node.id} has no owner`);
      const liaison = liaisonOf(owner);
      for (const step of PING_STEPS) {
        const [kind, level] = step.split('-');
        const pingId = `${kind}-${node.id}-v${node.deadlineVersion}-${level}`;
        const expected =
          level === '0'
            ? [`person:${owner}`]
            : level === '1'
              ? [`person:${owner}`, ...(liaison && liaison !== owner ? [`person:${liaison}`] : [])]
              : // The requester is told their task reached the coordination chat.
                ['chat:coordination', `person:${taskOf.get(node.taskId)?.creatorId}`];
        const messages = sent
          .filter(
            (d) =>
              d.dedupeKey.startsWith(`${pingId}-`) &&
              (d.purpose === 'reminder' || d.purpose === 'escalation'),
          )
          .map((d) => `${d.targetKind}:${d.targetId}`);
        expect(messages.sort(), `${pingId} (#${taskOf.get(node.taskId)?.number})`).toEqual(
          expected.sort(),
        );
      }
    }

    // --- Reports and digests: one per chat per week, one per person per day. ---
    // The sandbox's to the simulator's coordination chat, the real one's to the WeCom groups.
    const reports = sent.filter((d) => d.purpose === 'report');
    expect(reports.map((d) => [d.platform, d.targetId, d.dedupeKey]).sort()).toEqual(
      [
        ['sim', 'coordination', `report-sandbox-${org.lastWeek}-sim-coordination`],
        ...Object.keys(WEBHOOKS).map((chat) => [
          'wecom',
          chat,
          `report-default-${org.lastWeek}-wecom-${chat}`,
        ]),
      ].sort(),
    );
    const idOf = (name: string) => {
      const id = personIdByName.get(name);
      if (!id) throw new Error(`no person ${name}`);
      return id;
    };
    const openOwners = new Set(TIMED_TASKS.flatMap((t) => t.owners).map(idOf));
    // 孙八's nudged WeCom node is open too: his real digest goes to his WeCom account.
    const nudgedOwner = people.find((p) => p.id === idOf(TO_NUDGE.owner));
    const digests = sent.filter((d) => d.purpose === 'daily-digest');
    expect(digests.map((d) => [d.platform, d.targetId, d.dedupeKey]).sort()).toEqual(
      [
        ...[...openOwners].map((id) => ['sim', id, `daily-digest-sandbox-${org.today}-${id}`]),
        ['wecom', nudgedOwner?.wecom, `daily-digest-default-${org.today}-${nudgedOwner?.id}`],
      ].sort(),
    );
    const cardTitle = (body: unknown) =>
      (body as { kind?: string; card?: { title?: string } }).kind === 'card'
        ? ((body as { card: { title: string } }).card.title ?? '')
        : '';
    const coordinationReports = transcript.filter(
      (m) => m.conversation === 'coordination' && cardTitle(m.body).startsWith('📊'),
    );
    expect(coordinationReports).toHaveLength(1);
    for (const id of openOwners) {
      const seen = transcript.filter(
        (m) => m.conversation === `user:${id}` && cardTitle(m.body).startsWith('☀️'),
      );
      expect(seen, `digests seen by ${id}`).toHaveLength(1);
    }

    // --- What the platforms received: each sent delivery exactly once, nothing else. ---
    // The simulator's transcript: cards updated in place are the task cards (one per task and
    // chat) and each person's latest private copy of a task's card; every other message Baton
    // wrote there is one sent delivery, and vice versa.
    const simRefs = refs.filter((r) => r.platform === 'sim');
    const groupRefs = simRefs.filter((r) => !r.target.startsWith('user:'));
    const privateRefs = simRefs.filter((r) => r.target.startsWith('user:'));
    expect(groupRefs.map((r) => `${r.taskId}@${r.target}`).sort()).toEqual(
      allTasks
        .filter((t) => t.originPlatform === 'sim')
        .map((t) => `${t.id}@${t.originChatId}`)
        .sort(),
    );
    const refEntries = new Set(simRefs.map((r) => Number(r.messageId)));
    // A private copy was first sent by a delivery (its key on the message), then updated.
    const refDeliveries = new Set(
      transcript.filter((m) => refEntries.has(m.id)).map((m) => m.deliveryKey),
    );
    const written = transcript
      .filter((m) => m.direction === 'out' && !refEntries.has(m.id))
      .map((m) => `${m.conversation} ${canonical(m.body)}`);
    const delivered = sent
      .filter(
        (d) =>
          d.platform === 'sim' &&
          d.status === 'sent' &&
          !['task-card', 'card-update', 'private-card-update'].includes(d.purpose) &&
          !refDeliveries.has(`delivery-${d.id}`),
      )
      .map(
        (d) =>
          `${d.targetKind === 'chat' ? d.targetId : `user:${d.targetId}`} ${canonical(d.message)}`,
      );
    expect(repeated(written), 'messages the simulator shows twice').toEqual(repeated(delivered));
    expect(written.sort()).toEqual(delivered.sort());
    // Each card kept for updates shows its last state (updates applied in order): the task
    // card its last task-card or card-update, a private copy its first send or last update.
    const lastOf = (ref: (typeof simRefs)[number]) => {
      const entry = transcript.find((m) => m.id === Number(ref.messageId));
      const person = ref.target.startsWith('user:') ? ref.target.slice('user:'.length) : null;
      const [last] = sent
        .filter((d) =>
          person === null
            ? d.taskId === ref.taskId &&
              d.platform === 'sim' &&
              (d.purpose === 'task-card' || d.purpose === 'card-update')
            : d.taskId === ref.taskId &&
              d.platform === 'sim' &&
              d.status === 'sent' &&
              d.targetId === person &&
              (d.purpose === 'private-card-update' || entry?.deliveryKey === `delivery-${d.id}`),
        )
        .sort((a, b) => b.id - a.id);
      return { entry, last };
    };
    for (const ref of [...groupRefs, ...privateRefs]) {
      const { entry, last } = lastOf(ref);
      expect(
        canonical(entry?.body),
        `card of #${taskOf.get(ref.taskId)?.number} in ${ref.target}`,
      ).toBe(canonical(last?.message));
    }
    // WeCom: one message/send per sent WeCom delivery to a person, to its recipient (a group's
    // cards go as the bot's answers; a private copy brought up to date is updated in place).
    const wecomSent = sent.filter(
      (d) =>
        d.platform === 'wecom' &&
        d.status === 'sent' &&
        d.targetKind === 'person' &&
        d.purpose !== 'private-card-update',
    );
    const okSends = replies.filter((c) => c.errcode === 0);
    expect(tally(okSends.map((c) => String(c.body?.touser)))).toEqual(
      tally(wecomSent.map((d) => d.targetId)),
    );

    allAlive();
    await annotate(
      `${allTasks.length} tasks, ${fired.length} pings, ${sent.length} deliveries ` +
        `(replayed: ${replayed.pings} pings, ${replayed.deliveries} deliveries), ` +
        `${transcript.length} simulator messages; settled ${elapsedS.toFixed(1)} s after the first command`,
    );
  }, 110_000);
});
