import { EventEmitter } from 'node:events';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrgFile } from '../../../src/infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { createSimTranscript } from '../../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { buildApp } from '../../../src/infra/http/app.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import { readOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { SAMPLE_ORG_FILE } from '../../../src/infra/project-paths.js';
import type { InboundEvent } from '../../../src/ports/inbound-event.types.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';

const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('HTTP app', () => {
  let database: TestDatabase;
  let redis: Redis;
  let app: FastifyInstance;
  let deadRedis: Redis;
  let degraded: FastifyInstance;
  let dashboardQueue: Queue;
  const handled: InboundEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await importOrgFile(database.db, await readOrgFile(SAMPLE_ORG_FILE));
    redis = await connectTestRedis();
    dashboardQueue = new Queue('delivery', { connection: redis, prefix: `{${testQueuePrefix()}}` });
    const deps = {
      logLevel: 'silent',
      adminToken: TOKEN,
      metrics: createMetrics(),
      orgStore: createOrgStore(database.db),
      queues: [dashboardQueue],
      sim: {
        tenantId: 'default',
        orgStore: createOrgStore(database.db),
        transcript: createSimTranscript(database.db),
        inbound: {
          handle: async (event: InboundEvent) => {
            handled.push(event);
            return { duplicate: false, updatedCard: null };
          },
          enqueue: () => Promise.reject(new Error('the simulator does not queue')),
        },
        events: new EventEmitter(),
        onChange: () => undefined,
      },
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

  it('serves the simulator page and turns what a person types into an inbound event', async () => {
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
    expect(handled.at(-1)).toMatchObject({
      type: 'message',
      platform: 'sim',
      text: '/帮助',
      chat: { chatId: 'office', isGroup: true },
    });
    const transcript = (
      await app.inject({ url: '/sim/api/conversations/office', headers: auth })
    ).json();
    expect(transcript.entries.at(-1)).toMatchObject({
      direction: 'in',
      senderId: 'zhengyi',
      body: { text: '/帮助' },
    });
  });

  it.each([
    ['no body', undefined],
    ['a bad conversation', { conversation: '../etc', personId: 'a', text: 'x' }],
    ['an empty text', { conversation: 'office', personId: 'a', text: '' }],
    ['a huge text', { conversation: 'office', personId: 'a', text: 'x'.repeat(5000) }],
  ])('refuses a simulator message with %s', async (_name, payload) => {
    const before = handled.length;
    const res = await app.inject({
      method: 'POST',
      url: '/sim/api/messages',
      headers: auth,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(handled.length).toBe(before);
  });
});
