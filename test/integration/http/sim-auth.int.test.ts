import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrgFile } from '../../../src/infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { createSimTranscript } from '../../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { simMessages } from '../../../src/infra/db/schema/index.js';
import { buildApp } from '../../../src/infra/http/app.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import { readOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { SAMPLE_ORG_FILE } from '../../../src/infra/project-paths.js';
import type { InboundEvent } from '../../../src/ports/inbound-event.types.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';

const TOKEN = 'sim-auth-admin-token-0123456789';

/** Every simulator route, with a valid request: only the admin token is left out. */
const ROUTES = [
  { method: 'GET', url: '/sim' },
  { method: 'GET', url: '/sim/assets/sim.js' },
  { method: 'GET', url: '/sim/assets/sim.css' },
  { method: 'GET', url: '/sim/api/state' },
  { method: 'GET', url: '/sim/api/conversations/office' },
  { method: 'GET', url: '/sim/api/conversations/user:zhangsan' },
  { method: 'GET', url: '/sim/api/stream' },
  {
    method: 'POST',
    url: '/sim/api/messages',
    payload: { conversation: 'user:zhangsan', personId: 'zhangsan', text: '/完成 #2' },
  },
  {
    method: 'POST',
    url: '/sim/api/actions',
    payload: {
      conversation: 'office',
      personId: 'zhangsan',
      entryId: 1,
      actionId: 'node.done',
      value: { taskId: 'tsk_x', nodeId: 'nod_x' },
    },
  },
] as const;

/**
 * The simulator acts as whoever the caller names and shows every transcript: like the console,
 * it needs the admin token on every route, its page, assets and live stream included.
 */
describe('the simulator behind the admin token', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const taken: InboundEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await importOrgFile(database.db, await readOrgFile(SAMPLE_ORG_FILE));
    const orgStore = createOrgStore(database.db);
    const keep = async (event: InboundEvent) => {
      taken.push(event);
      return { duplicate: false };
    };
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
        transcript: createSimTranscript(database.db),
        inbound: { enqueue: keep },
        admission: {
          enter: () => ({ release: () => undefined }),
          run: async (work) => ({ kind: 'done', value: await work(() => true) }),
        },
        events: new EventEmitter(),
        onChange: () => undefined,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it.each(ROUTES)('$method $url without a token: 401, nothing taken or written', async (route) => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }]) {
      const res = await app.inject({ ...route, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.unauthorized');
      expect(res.body).not.toContain('张三');
    }
    expect(taken).toEqual([]);
    expect(await database.db.select().from(simMessages)).toEqual([]);
  });

  it('shows a browser the login page instead', async () => {
    for (const url of ['/sim', '/sim/api/state']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('管理令牌');
    }
  });

  it('serves the page and its data once logged in, by link (cookie) or Bearer token', async () => {
    const opened = await app.inject({ url: `/sim?token=${TOKEN}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('聊天模拟器');
    const cookie = String(opened.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toMatch(/^baton_admin=/);
    const state = await app.inject({ url: '/sim/api/state', headers: { cookie } });
    expect(state.statusCode).toBe(200);
    expect(state.json().people.map((p: { id: string }) => p.id)).toContain('zhangsan');
    const sent = await app.inject({
      method: 'POST',
      url: '/sim/api/messages',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { conversation: 'office', personId: 'zhengyi', text: '/帮助' },
    });
    expect(sent.statusCode).toBe(202);
    expect(taken).toHaveLength(1);
    const forged = await app.inject({
      url: '/sim/api/state',
      headers: { cookie: 'baton_admin=nope' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("takes a message up to the platforms' 20,000 characters, and refuses a longer one in Chinese", async () => {
    const send = (text: string) =>
      app.inject({
        method: 'POST',
        url: '/sim/api/messages',
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { conversation: 'office', personId: 'zhengyi', text },
      });
    const before = taken.length;
    // Over the command limit: the engine answers it in the chat, as it does a platform's.
    expect((await send(`/任务 ${'长'.repeat(4001)}`)).statusCode).toBe(202);
    expect((await send('长'.repeat(20_000))).statusCode).toBe(202);
    expect(taken).toHaveLength(before + 2);
    const refused = await send('长'.repeat(20_001));
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toEqual({
      error: {
        code: 'sim.text_too_long',
        message: '消息太长：最多 20000 个字，现在有 20001 个字。请删减或分几条发送。',
      },
    });
    expect(taken).toHaveLength(before + 2);
  });

  it('streams the transcript only to a logged-in page', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const url = `http://127.0.0.1:${address.port}/sim/api/stream`;
    expect((await fetch(url)).status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
  });
});
