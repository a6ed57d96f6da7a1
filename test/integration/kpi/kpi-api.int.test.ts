import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../../src/domain/org/org.types.js';
import { createKpiSource } from '../../../src/infra/db/queries/kpi-source.drizzle.js';
import { buildApp } from '../../../src/infra/http/app.js';
import { registerDatabaseMetrics } from '../../../src/infra/metrics/db-metrics.js';
import { instrumentInbound } from '../../../src/infra/metrics/instrumented-inbound.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import type { OrgStore } from '../../../src/ports/org-store.port.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { at, TENANT, writeKnownHistory } from './kpi-history.js';

const TOKEN = 'test-admin-token-0123456789';
const ORG: Org = {
  calendar: {
    timezone: 'Asia/Shanghai',
    workStartMinute: 540,
    workEndMinute: 1080,
    holidays: 'none',
    extraHolidays: ['2026-11-11'],
    extraWorkdays: [],
    officialSchedules: [],
  },
  departments: [{ id: 'logistics', name: '后勤部', liaisonId: null, leaderId: null }],
  people: [],
  coordination: { chats: [], coordinators: [], leadership: [], admins: [] },
  escalation: {
    normal: { remindBefore: [], levels: [] },
    urgent: { remindBefore: [], levels: [] },
  },
};

describe('GET /api/kpis and /metrics', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const metrics = createMetrics();

  beforeAll(async () => {
    database = await createTestDatabase();
    await writeKnownHistory(database);
    const orgStore: OrgStore = { loadOrg: async (id) => (id === TENANT ? ORG : null) };
    registerDatabaseMetrics(metrics, database.db);
    const inbound = instrumentInbound(
      {
        handle: async () => ({ duplicate: false, updatedCard: null, kind: 'done' }),
        enqueue: () => Promise.reject(new Error('nothing is queued here')),
        keep: () => Promise.reject(new Error('nothing is kept here')),
      },
      metrics,
    );
    app = await buildApp({
      logger: silentLogger,
      adminToken: TOKEN,
      metrics,
      orgStore,
      queues: [],
      readinessChecks: [],
      kpis: {
        kpiSource: createKpiSource(database.db),
        orgStore,
        tenantId: TENANT,
        now: () => at('11-16 10:00'),
      },
    });
    await inbound.handle({
      type: 'message',
      platform: 'sim',
      tenantKey: null,
      messageId: 'm1',
      chat: { chatId: 'office', isGroup: true },
      sender: { platformUserId: 'zhangsan', displayName: null },
      text: '/完成 #1',
      mentions: [],
      receivedAt: new Date(),
      replyHandle: null,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const get = (url: string, token: string | null = TOKEN) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('needs the admin token', async () => {
    expect((await get('/api/kpis', null)).statusCode).toBe(401);
  });

  it('answers the KPIs of a period as JSON, per department with names', async () => {
    const res = await get('/api/kpis?from=2026-11-09&to=2026-11-16&by=department');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-11-09', to: '2026-11-16', by: 'department' });
    const logistics = body.rows.find((r: { key: string }) => r.key === 'logistics');
    expect(logistics).toMatchObject({ label: '后勤部', nodesFinished: 2, onTimeRate: 1 });
  });

  it('defaults to the current week and offers CSV', async () => {
    const week = (await get('/api/kpis')).json();
    expect(week).toMatchObject({ from: '2026-11-16', to: '2026-11-23' });
    const res = await get('/api/kpis?from=2026-11-09&to=2026-11-16&format=csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('kpis-2026-11-09-2026-11-16-all.csv');
    expect(res.body.split('\r\n')[1]).toMatch(/^all,全部,5,4,80%,4,2,50%,16\.8,30,7\.8,15,3,2,/);
  });

  it('refuses a period it cannot read', async () => {
    const res = await get('/api/kpis?from=2026-11-16&to=2026-11-09');
    expect(res.statusCode).toBe(400);
    expect((await get('/api/kpis?by=team')).statusCode).toBe(400);
  });

  it('exposes deployment counters read from Postgres, and inbound events', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toContain('baton_escalations_total{level="1"} 3');
    expect(res.body).toContain('baton_escalations_total{level="manual"} 1');
    expect(res.body).toContain('baton_inbox_events{state="waiting"} 0');
    expect(res.body).toContain('baton_inbox_events{state="failed"} 0');
    expect(res.body).toMatch(
      /baton_inbound_events_total\{platform="sim",kind="done",outcome="ok"\} 1/,
    );
    expect(res.body).toContain(
      'baton_inbound_handle_duration_seconds_count{platform="sim",type="message"} 1',
    );
  });
});
