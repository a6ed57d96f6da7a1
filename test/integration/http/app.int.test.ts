import { EventEmitter } from 'node:events';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrgFile } from '../../../src/infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { createSimTranscript } from '../../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { createAdmission } from '../../../src/infra/http/admission.js';
import { buildApp } from '../../../src/infra/http/app.js';
import type { SimRouteDeps } from '../../../src/infra/http/routes/sim.route.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import { readOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { SAMPLE_ORG_FILE } from '../../../src/infra/project-paths.js';
import type { InboundEvent } from '../../../src/ports/inbound-event.types.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';

const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const roomy = { maxInFlight: 100, maxBacklog: 1_000, deadlineMs: 2_000, backlogMaxAgeMs: 0 };

describe('HTTP app', () => {
  let database: TestDatabase;
  let redis: Redis;
  let app: FastifyInstance;
  let deadRedis: Redis;
  let degraded: FastifyInstance;
  let dashboardQueue: Queue;
  const queued: InboundEvent[] = [];
  let simDeps: SimRouteDeps;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importOrgFile(database.db, await readOrgFile(SAMPLE_ORG_FILE));
    redis = await connectTestRedis();
    dashboardQueue = new Queue('delivery', { connection: redis, prefix: `{${testQueuePrefix()}}` });
    simDeps = {
      tenantId: 'default',
      orgStore: createOrgStore(database.db),
      transcript: createSimTranscript(database.db),
      // Only the durable inbox: the simulator never runs the engine in the request.
      inbound: {
        enqueue: async (event: InboundEvent) => {
          queued.push(event);
          return { duplicate: false };
        },
      },
      admission: createAdmission({ limits: roomy, backlog: async () => 0 }),
      events: new EventEmitter(),
      onChange: () => undefined,
    };
    const deps = {
      logger: silentLogger,
      adminToken: TOKEN,
      metrics: createMetrics(),
      orgStore: createOrgStore(database.db),
      queues: [dashboardQueue],
      sim: simDeps,
    };
    app = await buildApp({
      ...deps,
      readinessChecks: [
        { name: 'database', check: () => database.ping() },
        { name: 'redis', check: async () => void (await redis.ping()) },
      ],
    });
    // Port 1 never has a Redis: this app's readiness must fail, quickly.
    deadRedis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    deadRedis.on('error', () => undefined);
    degraded = await buildApp({
      ...deps,
      metrics: createMetrics(),
      readinessChecks: [
        { name: 'database', check: () => database.ping() },
        { name: 'redis', check: async () => void (await deadRedis.ping()) },
      ],
    });
  });

  afterAll(async () => {
    await app.close();
    await degraded.close();
    await dashboardQueue.close();
    redis.disconnect();
    deadRedis.disconnect();
    await database.destroy();
  });

  it('answers /healthz', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database and Redis answer', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });

  it('is not ready when Redis is down', async () => {
    const res = await degraded.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks).toEqual({ database: 'ok', redis: 'down' });
  });

  it('serves Prometheus metrics including request timings', async () => {
    await app.inject({ url: '/healthz' });
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('baton_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/healthz"');
    expect(res.body).toContain('baton_process_cpu_seconds_total');
  });

  it('echoes a request id and generates one when absent', async () => {
    const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const fresh = await app.inject({ url: '/healthz' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['no token', {}],
    ['a wrong bearer token', { authorization: 'Bearer wrong-token-value-xxxxxxxx' }],
    ['a malformed header', { authorization: TOKEN }],
  ])('refuses /api with %s', async (_name, headers) => {
    const res = await app.inject({ url: '/api/org/default', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.unauthorized');
  });

  it('serves /api with the admin token, as a header or a query parameter', async () => {
    const byHeader = await app.inject({
      url: '/api/org/default',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.json().departments.length).toBeGreaterThan(3);
    const byQuery = await app.inject({ url: `/api/org/default?token=${TOKEN}` });
    expect(byQuery.statusCode).toBe(200);
    const missing = await app.inject({ url: `/api/org/nope?token=${TOKEN}` });
    expect(missing.statusCode).toBe(404);
    const invalid = await app.inject({ url: `/api/org/${'x'.repeat(100)}?token=${TOKEN}` });
    expect(invalid.statusCode).toBe(400);
  });

  it('serves the queue dashboard behind the admin token, keeping a link token in a cookie', async () => {
    expect((await app.inject({ url: '/admin/queues' })).statusCode).toBe(401);
    const opened = await app.inject({ url: `/admin/queues?token=${TOKEN}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('<div id="root">');
    const cookie = String(opened.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toMatch(/^baton_admin=/);
    const api = await app.inject({ url: '/admin/queues/api/queues', headers: { cookie } });
    expect(api.statusCode).toBe(200);
    expect(api.json().queues.map((q: { name: string }) => q.name)).toEqual(['delivery']);
    const forged = await app.inject({
      url: '/admin/queues/api/queues',
      headers: { cookie: 'baton_admin=nope' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('serves the simulator page and queues what a person types as an inbound event', async () => {
    const page = await app.inject({ url: '/sim', headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('聊天模拟器');
    const script = await app.inject({ url: '/sim/assets/sim.js', headers: auth });
    expect(script.headers['content-type']).toContain('javascript');
    const outside = await app.inject({ url: '/sim/assets/../../package.json', headers: auth });
    expect(outside.statusCode).toBe(404);
    const state = (await app.inject({ url: '/sim/api/state', headers: auth })).json();
    expect(state.people.find((p: { id: string }) => p.id === 'zhangsan')).toEqual({
      id: 'zhangsan',
      name: '张三',
      department: '后勤部',
    });
    expect(state.chats.map((c: { id: string }) => c.id)).toContain('coordination');
    const sent = await app.inject({
      method: 'POST',
      url: '/sim/api/messages',
      headers: auth,
      payload: { conversation: 'office', personId: 'zhengyi', text: '/帮助' },
    });
    expect(sent.statusCode).toBe(202);
    expect(queued.at(-1)).toMatchObject({
      type: 'message',
      platform: 'sim',
      text: '/帮助',
      messageId: `sim-${sent.json().id}`,
      chat: { chatId: 'office', isGroup: true },
    });
    const transcript = (
      await app.inject({ url: '/sim/api/conversations/office', headers: auth })
    ).json();
    expect(transcript.entries.at(-1)).toMatchObject({
      id: sent.json().id,
      direction: 'in',
      senderId: 'zhengyi',
      body: { text: '/帮助' },
    });
    // The page's own id names the event, so its retry of an accepted message is a duplicate.
    const again = async () =>
      app.inject({
        method: 'POST',
        url: '/sim/api/messages',
        headers: auth,
        payload: {
          conversation: 'office',
          personId: 'zhengyi',
          text: '/我的',
          clientId: 'c0ffee42',
        },
      });
    expect((await again()).statusCode).toBe(202);
    expect(queued.at(-1)).toMatchObject({ messageId: 'sim-c-c0ffee42' });
    const tapped = await app.inject({
      method: 'POST',
      url: '/sim/api/actions',
      headers: auth,
      payload: {
        conversation: 'office',
        personId: 'zhangsan',
        entryId: 7,
        actionId: 'node.done',
        value: { taskId: 'tsk_1', nodeId: 'nod_1' },
        clientId: 'tap-0001',
      },
    });
    expect(tapped.statusCode).toBe(202);
    expect(tapped.json()).toEqual({ accepted: true });
    expect(queued.at(-1)).toMatchObject({ type: 'card-action', eventId: 'sim-click-tap-0001' });
  });

  it.each([
    ['no body', undefined],
    ['a bad conversation', { conversation: '../etc', personId: 'a', text: 'x' }],
    ['an empty text', { conversation: 'office', personId: 'a', text: '' }],
    ['a bad client id', { conversation: 'office', personId: 'a', text: 'x', clientId: 'a b' }],
  ])('refuses a simulator message with %s', async (_name, payload) => {
    const before = queued.length;
    const res = await app.inject({
      method: 'POST',
      url: '/sim/api/messages',
      headers: auth,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(queued.length).toBe(before);
  });

  describe('the simulator without room', () => {
    /** A simulator app whose admission and inbox the test chooses. */
    const simApp = (sim: Partial<SimRouteDeps>) =>
      buildApp({
        logger: silentLogger,
        adminToken: TOKEN,
        metrics: createMetrics(),
        orgStore: createOrgStore(database.db),
        queues: [],
        readinessChecks: [],
        sim: { ...simDeps, ...sim },
      });
    const post = (target: FastifyInstance, text: string) =>
      target.inject({
        method: 'POST',
        url: '/sim/api/messages',
        headers: auth,
        payload: { conversation: 'crowded', personId: 'zhengyi', text },
      });
    const written = async () =>
      (await simDeps.transcript.list('crowded', 100)).map((e) =>
        e.body.kind === 'text' ? e.body.text : '',
      );

    it('answers 429 at once past its accepts in flight, writing nothing', async () => {
      const busy = await simApp({
        admission: createAdmission({
          limits: { ...roomy, maxInFlight: 0 },
          backlog: async () => 0,
        }),
      });
      const res = await post(busy, '/帮助 busy');
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json().error.code).toBe('busy');
      expect(await written()).not.toContain('/帮助 busy');
      await busy.close();
    });

    it('answers 503 while the inbox backlog is over its bound, writing nothing', async () => {
      const behind = await simApp({
        admission: createAdmission({
          limits: { ...roomy, maxBacklog: 100 },
          backlog: async () => 5_000,
        }),
      });
      // The first request reads the backlog in the background; the next one sees it.
      await post(behind, '/帮助 first');
      await new Promise((resolve) => setTimeout(resolve, 10));
      const res = await post(behind, '/帮助 behind');
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.json().error.code).toBe('backlog');
      expect(await written()).not.toContain('/帮助 behind');
      await behind.close();
    });

    it('answers 503 when the inbox does not take the event in time, and never hangs', async () => {
      let started = 0;
      const stuck = await simApp({
        inbound: {
          enqueue: () => {
            started += 1;
            return new Promise(() => undefined);
          },
        },
        admission: createAdmission({
          limits: { ...roomy, deadlineMs: 200 },
          backlog: async () => 0,
        }),
      });
      const began = Date.now();
      const res = await post(stuck, '/帮助 stuck');
      expect(Date.now() - began).toBeLessThan(2_000);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(started).toBe(1);
      await stuck.close();
    });
  });
});
