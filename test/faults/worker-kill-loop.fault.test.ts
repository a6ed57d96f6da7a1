import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { count, eq, inArray } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/infra/config/config.js';
import { importOrgFile } from '../../src/infra/db/repositories/org-import.drizzle.js';
import {
  deliveries,
  firedPings,
  nodeOwners,
  nodes,
  simMessages,
} from '../../src/infra/db/schema/index.js';
import { parseOrgFile } from '../../src/infra/org/org-file.parser.js';
import { createInboundHandler } from '../../src/main/inbound.js';
import type { InboundHandler } from '../../src/ports/inbound-handler.port.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { connectTestRedis, TEST_REDIS_URL, testQueuePrefix } from '../helpers/test-redis.js';
import { waitFor } from '../helpers/wait-for.js';

const ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';
/** Owners whose department liaison is someone else, so level 1 reaches two people. */
const OWNERS = [
  { id: 'wangwu', name: '王五', liaison: 'zhangsan' },
  { id: 'zhaoliu', name: '赵六', liaison: 'wushi' },
  { id: 'qianqi', name: '钱七', liaison: 'lisi' },
];
const TASKS = 20;
/** Per node: a reminder at half time, level 1 at the deadline, level 2 two seconds later. */
const PINGS_PER_NODE = 3;
/** How long the worker is killed and restarted over and over: the whole burst of pings. */
const KILL_WINDOW_MS = 34_000;

/** A small seeded generator, so a failing run can be repeated with BATON_KILL_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('a worker killed with SIGKILL again and again while 60 pings fall due', () => {
  let database: TestDatabase;
  let redis: Redis;
  let inbound: InboundHandler;
  const prefix = testQueuePrefix();
  const children: ChildProcess[] = [];

  const startWorker = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'worker'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        BATON_QUEUE_PREFIX: prefix,
        BATON_ORG_FILE: ORG_FILE,
        BATON_JOB_LOCK_MS: '2000',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };
  const kill = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    await importOrgFile(database.db, parseOrgFile(readFileSync(ORG_FILE, 'utf8'), ORG_FILE));
    redis = await connectTestRedis();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    });
    const infra = { database, redis, redisUrl: TEST_REDIS_URL, close: async () => undefined };
    // The serving side, in this process; the worker children relay the outbox and fire pings.
    inbound = createInboundHandler(config, infra, () => undefined);
  });
  afterEach(async () => {
    for (const child of children) await kill(child);
    redis.disconnect();
    await database.destroy();
  });

  /** Each planned ping not yet fired, with its job's state in Redis (for a failing run). */
  const unfiredPingStates = async () => {
    const schedule = new Queue('schedule', { connection: redis, prefix: `{${prefix}}` });
    const fired = new Set(
      (await database.db.select({ id: firedPings.id }).from(firedPings)).map((r) => r.id),
    );
    const states: Record<string, string> = {};
    for (const n of await database.db.select().from(nodes))
      for (const id of [
        `remind-${n.id}-v${n.deadlineVersion}-0`,
        `escalate-${n.id}-v${n.deadlineVersion}-1`,
        `escalate-${n.id}-v${n.deadlineVersion}-2`,
      ])
        if (!fired.has(id)) states[id] = await schedule.getJobState(id);
    await schedule.close();
    return states;
  };

  it('delivers every ping to every recipient exactly once, at whatever moment the worker dies', async () => {
    const seed = Number(process.env.BATON_KILL_SEED ?? Date.now() % 100_000);
    const random = seededRandom(seed);
    let worker = startWorker();
    await waitFor(async () => (await redis.exists(`{${prefix}}:intact`)) === 1, {
      what: 'the first worker up',
      timeoutMs: 30_000,
    });
    const started = Date.now();
    for (let i = 0; i < TASKS; i++) {
      const owner = OWNERS[i % OWNERS.length];
      await inbound.handle({
        type: 'message',
        platform: 'sim',
        tenantKey: 'default',
        messageId: `kill-loop-${i}`,
        chat: { chatId: `office-${i}`, isGroup: true },
        sender: { platformUserId: 'zhengyi', displayName: null },
        // Deadlines a second apart, so pings fall due all through the kill window.
        text: `/任务 巡检${i + 1}\n检查 @${owner?.name} ${8 + i}秒内`,
        mentions: [],
        receivedAt: new Date(),
        replyHandle: null,
      });
    }
    // Kill at random moments: while booting, reconciling, claiming, sending, mid-batch.
    const kills: number[] = [];
    while (Date.now() - started < KILL_WINDOW_MS) {
      await sleep(300 + random() * 3_200);
      kills.push(Date.now() - started);
      await kill(worker);
      await sleep(random() * 800);
      worker = startWorker();
    }
    expect(kills.length, `seed ${seed}`).toBeGreaterThanOrEqual(8);

    const expectedPings = TASKS * PINGS_PER_NODE;
    let fired = 0;
    await waitFor(
      async () => {
        const [row] = await database.db.select({ n: count() }).from(firedPings);
        fired = row?.n ?? 0;
        return fired === expectedPings;
      },
      { timeoutMs: 90_000 },
    ).catch(async () => {
      throw new Error(
        `${fired} of ${expectedPings} pings fired (seed ${seed}, kills at ${kills}); ` +
          `unfired: ${JSON.stringify(await unfiredPingStates())}`,
      );
    });
    const pingPurposes = ['reminder', 'escalation'];
    await waitFor(
      async () => {
        const rows = await database.db
          .select({ status: deliveries.status })
          .from(deliveries)
          .where(inArray(deliveries.purpose, pingPurposes));
        return rows.length > 0 && rows.every((r) => r.status === 'sent' || r.status === 'merged');
      },
      { what: `every ping delivery sent (seed ${seed})`, timeoutMs: 90_000 },
    );

    // Per (node, level, target): exactly the people and chats the ladder names, each once.
    const taskNodes = await database.db
      .select({ id: nodes.id, version: nodes.deadlineVersion, ownerId: nodeOwners.personId })
      .from(nodes)
      .innerJoin(nodeOwners, eq(nodeOwners.nodeId, nodes.id));
    expect(taskNodes).toHaveLength(TASKS);
    const expected: string[] = [];
    for (const node of taskNodes) {
      const owner = OWNERS.find((o) => o.id === node.ownerId);
      const ping = (kind: string, step: number) => `${kind}-${node.id}-v${node.version}-${step}`;
      expected.push(
        `${ping('remind', 0)} person:${owner?.id}`,
        `${ping('escalate', 1)} person:${owner?.id}`,
        `${ping('escalate', 1)} person:${owner?.liaison}`,
        `${ping('escalate', 2)} chat:coordination`,
        // The requester (郑一 made every task) is told their task reached the coordination chat.
        `${ping('escalate', 2)} person:zhengyi`,
      );
    }
    const all = await database.db.select().from(deliveries);
    const told = all.flatMap((d) => {
      const pingId = /^((?:remind|escalate)-.+-v\d+-\d+)-\d+-/.exec(d.dedupeKey)?.[1];
      return pingId ? [`${pingId} ${d.targetKind}:${d.targetId}`] : [];
    });
    expect(told.sort(), `seed ${seed}`).toEqual(expected.sort());

    // What arrived on the platform: one message per sent delivery in every chat, none twice,
    // none missing (card updates change a message in place; merged ones travel in a digest).
    const arrived = new Map<string, number>();
    for (const m of await database.db
      .select({ conversation: simMessages.conversation })
      .from(simMessages)
      .where(eq(simMessages.direction, 'out')))
      arrived.set(m.conversation, (arrived.get(m.conversation) ?? 0) + 1);
    const recorded = new Map<string, number>();
    for (const d of all) {
      if (d.status !== 'sent' || d.purpose === 'card-update') continue;
      const conversation = d.targetKind === 'chat' ? d.targetId : `user:${d.targetId}`;
      recorded.set(conversation, (recorded.get(conversation) ?? 0) + 1);
    }
    expect(Object.fromEntries(arrived), `seed ${seed}, kills at ${kills}`).toEqual(
      Object.fromEntries(recorded),
    );
  }, 300_000);
});
