import { EventEmitter } from 'node:events';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/domain/command/command-names.js';
import { countInbox } from '../../src/infra/db/queries/inbox-counts.js';
import { createOrgStore } from '../../src/infra/db/repositories/org-store.drizzle.js';
import { createSimTranscript } from '../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { nodeOwners, nodes, simMessages, tasks } from '../../src/infra/db/schema/index.js';
import { createAdmission } from '../../src/infra/http/admission.js';
import { buildApp } from '../../src/infra/http/app.js';
import { createMetrics } from '../../src/infra/metrics/metrics.js';
import { startEngine } from '../helpers/engine.js';
import { silentLogger } from '../helpers/test-logger.js';
import { waitFor } from '../helpers/wait-for.js';

const RUNS = 120;
const TOKEN = 'sim-fuzz-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const PEOPLE = ['zhangsan', 'lisi', 'zhaoliu', 'zhengyi', 'sunba', 'nobody', 'wangwu'];
const NAMES = ['张三', '李四', '赵六', '后勤部', '财务部', '某人', '张', '十三', ''];

const anyText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.constantFrom('', ' ', '\n', '/', '//', '@', '#', '#1.', '#999999999999.1', '\u0000'),
);

/** Text that looks like a command: a real command word, then @names, refs, times and noise. */
const commandLike = fc
  .tuple(
    fc.constantFrom(...Object.values(COMMAND_NAMES).flat()),
    fc.array(
      fc.oneof(
        fc.constantFrom(...NAMES).map((n) => `@${n}`),
        fc.nat({ max: 12 }).chain((t) => fc.nat({ max: 5 }).map((n) => `#${t}.${n}`)),
        fc.nat({ max: 12 }).map((t) => `#${t}`),
        fc.constantFrom(
          '明天 18:00',
          '3天内',
          '1小时内',
          '下周一',
          '2秒内',
          '审批',
          '协调群',
          '开',
          '关',
          '5',
        ),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 6 },
    ),
    fc.boolean(),
  )
  .map(([word, args, multiline]) => `/${word} ${args.join(multiline ? '\n' : ' ')}`);

/**
 * The simulator's endpoints and, through them, the whole engine under random input: commands
 * with real command words and random arguments from people known and unknown, malformed
 * requests, random clicks. Nothing answers 5xx, malformed requests write nothing, and no task
 * is left without its nodes.
 */
describe('simulator endpoints and the engine under random input: no 5xx, nothing half-written', () => {
  let engine: Awaited<ReturnType<typeof startEngine>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    engine = await startEngine();
    const orgStore = createOrgStore(engine.database.db);
    app = await buildApp({
      logger: silentLogger,
      adminToken: TOKEN,
      metrics: createMetrics(),
      orgStore,
      queues: [],
      readinessChecks: [],
      sim: {
        tenantId: 'default',
        orgStore,
        transcript: createSimTranscript(engine.database.db),
        inbound: engine.inbound,
        admission: createAdmission({
          limits: { maxInFlight: 256, maxBacklog: 2_000, deadlineMs: 3_000, backlogMaxAgeMs: 500 },
          backlog: async () => (await countInbox(engine.database.db)).waiting,
        }),
        events: new EventEmitter(),
        onChange: () => undefined,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await engine?.stop();
  });

  /**
   * What people typed. Baton's own messages are left out: reminders of the random tasks made by
   * the first test keep arriving while later tests run.
   */
  const typedRows = async () =>
    (await engine.database.db.select().from(simMessages).where(eq(simMessages.direction, 'in')))
      .length;

  /**
   * The workers ran every accepted event through the engine: none waits, none was set aside (an
   * engine error, which the 202 no longer shows, would be retried and then set aside).
   */
  const inboxSettled = () =>
    waitFor(
      async () => {
        const counts = await countInbox(engine.database.db);
        return counts.waiting === 0 && counts;
      },
      { what: 'the inbox run', timeoutMs: 60_000, intervalMs: 100 },
    );

  it('commands with random arguments from anyone are taken (202) and answered without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('office', 'war-room', 'user:zhangsan'),
        fc.constantFrom(...PEOPLE),
        fc.oneof(
          commandLike,
          anyText.filter((t) => t.length > 0 && !t.includes('\u0000')),
        ),
        async (conversation, personId, text) => {
          const res = await app.inject({
            method: 'POST',
            url: '/sim/api/messages',
            headers: auth,
            payload: { conversation, personId, text },
          });
          expect(res.statusCode, `${res.statusCode} ${res.body} for ${JSON.stringify(text)}`).toBe(
            202,
          );
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await inboxSettled()).toEqual({ waiting: 0, failed: 0 });
    // One transaction per event: no task without nodes, no node without an owner.
    const db = engine.database.db;
    const taskIds = (await db.select({ id: tasks.id }).from(tasks)).map((t) => t.id);
    const allNodes = await db.select({ id: nodes.id, taskId: nodes.taskId }).from(nodes);
    const owned = new Set((await db.select().from(nodeOwners)).map((o) => o.nodeId));
    expect(taskIds.filter((id) => !allNodes.some((n) => n.taskId === id))).toEqual([]);
    expect(allNodes.filter((n) => !owned.has(n.id))).toEqual([]);
  }, 120_000);

  it('malformed message and click bodies get 400 and write nothing', async () => {
    const before = await typedRows();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/sim/api/messages', '/sim/api/actions'),
        fc.oneof(
          anyText,
          fc.record(
            {
              // Values no schema coercion can make valid (Fastify turns 0 into "0").
              conversation: fc.oneof(fc.constant({}), fc.array(fc.nat(), { minLength: 2 })),
              personId: fc.oneof(
                fc.constant(''),
                fc.string({ minLength: 65, maxLength: 80 }),
                fc.constant({}),
              ),
              text: fc.oneof(
                fc.constant(''),
                fc.constant([1, 2]),
                fc.constant('a\u0000b'),
                // Past what a platform takes (SIM_MAX_TEXT).
                fc.constant('长'.repeat(20_001)),
              ),
              entryId: fc.oneof(fc.constant(0), fc.double(), anyText),
              extra: anyText,
            },
            { requiredKeys: ['personId'] },
          ),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (url, body, contentType) => {
          const res = await app.inject({
            method: 'POST',
            url,
            headers: { ...auth, 'content-type': contentType },
            payload: typeof body === 'string' ? body : JSON.stringify(body),
          });
          expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
    expect(await typedRows()).toBe(before);
  }, 60_000);

  it('a platform message with NUL characters in it is handled with them dropped', async () => {
    await engine.say('nul-room', 'zhengyi', '/任务 修\u0000空调\n联系\u0000供应商 @张三 1天内');
    const [task] = (await engine.database.db.select().from(tasks)).filter(
      (t) => t.title === '修空调',
    );
    expect(task).toBeDefined();
  });

  it('random clicks on random entries and random paths never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          conversation: fc.constantFrom('office', 'user:lisi'),
          personId: fc.constantFrom(...PEOPLE),
          entryId: fc.integer({ min: 1, max: 2_000_000_000 }),
          actionId: fc.oneof(
            fc.constantFrom(
              'node.done',
              'node.approve',
              'node.reject',
              'node.ack',
              'extension.approve',
              'rate.5',
            ),
            fc.string({ minLength: 1, maxLength: 64 }),
          ),
          value: fc.dictionary(
            fc.constantFrom('taskId', 'nodeId', 'score', 'x'),
            fc.oneof(fc.constantFrom('tsk_x', 'nod_x', '5'), fc.string({ maxLength: 128 })),
            { maxKeys: 4 },
          ),
        }),
        fc.oneof(
          fc.constantFrom(
            '/sim',
            '/sim/api/state',
            '/sim/assets/sim.js',
            '/sim/assets/../../package.json',
            '/sim/assets/valueOf',
            '/sim/assets/__proto__',
            '/sim/assets/constructor',
          ),
          fc
            .string({ maxLength: 40 })
            .map((s) => `/sim/api/conversations/${encodeURIComponent(s)}`),
          fc.string({ maxLength: 40 }).map((s) => `/sim/assets/${encodeURIComponent(s)}`),
        ),
        async (click, path) => {
          const clicked = await app.inject({
            method: 'POST',
            url: '/sim/api/actions',
            headers: auth,
            payload: click,
          });
          expect(clicked.statusCode, clicked.body).toBe(202);
          const read = await app.inject({ method: 'GET', url: path, headers: auth });
          expect(read.statusCode, `${path}: ${read.statusCode}`).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
    expect(await inboxSettled()).toEqual({ waiting: 0, failed: 0 });
  }, 120_000);
});
