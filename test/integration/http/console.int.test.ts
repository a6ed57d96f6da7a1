import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectorySyncLog } from '../../../src/infra/db/repositories/directory-sync-log.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { buildApp } from '../../../src/infra/http/app.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import { loadTemplates } from '../../../src/main/templates.js';
import { startEngine } from '../../helpers/engine.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { waitFor } from '../../helpers/wait-for.js';

const TOKEN = 'console-admin-token-0123456789';
const HOUR = 3_600_000;
const auth = { authorization: `Bearer ${TOKEN}` };

interface TaskRow {
  id: string;
  number: number;
  title: string;
  late: boolean;
  escalated: boolean;
  nodes: { ref: string; owners: { id: string; name: string }[]; late: boolean }[];
}

describe('the console', () => {
  let engine: Awaited<ReturnType<typeof startEngine>>;
  let app: FastifyInstance;
  let syncRequests = 0;

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
      console: {
        db: engine.database.db,
        tenantId: 'default',
        orgStore,
        publicUrl: 'http://baton.test',
        templates: loadTemplates({ templatesDir: null }),
        // Ninety minutes on: a node due within the hour is late, one due in three hours is not.
        now: () => new Date(Date.now() + 1.5 * HOUR),
      },
      directory: {
        db: engine.database.db,
        tenantId: 'default',
        syncLog: createDirectorySyncLog(engine.database.db),
        requestSync: async () => {
          syncRequests += 1;
        },
      },
    });
    await engine.say(
      'office',
      'zhengyi',
      '/任务 空调维修\n联系供应商 @张三 1小时内\n费用审批 @李四 3小时内 审批',
    );
    await engine.say('office', 'zhengyi', '/任务 修打印机\n报修 @孙八 3小时内');
    await engine.say('office', 'zhengyi', '/升级 #2 部门间对费用分摊有分歧');
    await engine.say('office', 'zhengyi', '/任务 订会议室\n预订 @吴十 2小时内');
    await engine.say('office', 'wushi', '/完成 #3.1');
    await engine.say('office', 'zhengyi', '/流程 采购 物品=笔记本电脑 数量=3');
    await waitFor(async () => (await tasksOf('status=all')).length === 4, {
      what: 'four tasks',
    });
  });
  afterAll(async () => {
    await app.close();
    await engine.stop();
  });

  async function get(url: string, headers: Record<string, string> = auth) {
    return app.inject({ method: 'GET', url, headers });
  }
  async function tasksOf(query = ''): Promise<TaskRow[]> {
    const res = await get(`/api/console/tasks?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ tasks: TaskRow[] }>().tasks;
  }
  const numbers = (rows: TaskRow[]) => rows.map((t) => t.number);

  it('refuses the API and the pages without the admin token', async () => {
    for (const url of ['/api/console/tasks', '/api/console/meta', '/api/console/departments']) {
      const res = await get(url, {});
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'auth.unauthorized' } });
    }
    expect((await get('/api/console/tasks', { authorization: 'Bearer wrong' })).statusCode).toBe(
      401,
    );
    // A browser opening a chat card's link gets a page asking for the token, not JSON.
    const page = await get('/tasks/tsk_x', { accept: 'text/html' });
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('管理令牌');
    expect((await get('/', { accept: 'text/html' })).statusCode).toBe(401);
  });

  it('serves the console shell at /, /departments and the path chat cards link to', async () => {
    const [first] = await tasksOf('person=zhangsan');
    const detail = (await get(`/api/console/tasks/${first?.id}`)).json<{
      card: { link: { url: string } };
    }>();
    const path = new URL(detail.card.link.url).pathname;
    expect(path).toBe(`/tasks/${first?.id}`);
    for (const url of ['/', '/departments', path]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('接力 Baton 控制台');
    }
    // Every module the page's script imports, transitively, is served.
    const pending = ['console.js'];
    const served = new Set<string>();
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (served.has(file)) continue;
      served.add(file);
      const script = await get(`/console/assets/${file}`);
      expect(script.statusCode, file).toBe(200);
      expect(script.headers['content-type']).toMatch(/javascript/);
      for (const [, imported] of script.body.matchAll(/from '\.\/([\w-]+\.js)'/g))
        if (imported) pending.push(imported);
    }
    expect(served).toContain('console-gantt.js');
    expect((await get('/console/assets/../../package.json')).statusCode).toBe(404);
  });

  it('a token link sets the cookie the page then uses for its data', async () => {
    const opened = await get(`/?token=${TOKEN}`, { accept: 'text/html' });
    expect(opened.statusCode).toBe(200);
    const cookie = String(opened.headers['set-cookie']).split(';')[0] ?? '';
    expect((await get('/api/console/meta', { cookie })).statusCode).toBe(200);
  });

  it('lists open tasks with nodes and owners, newest first', async () => {
    const open = await tasksOf();
    expect(numbers(open)).toEqual([4, 2, 1]);
    const repair = open.find((t) => t.number === 1);
    expect(repair?.title).toBe('空调维修');
    expect(repair?.nodes.map((n) => [n.ref, n.owners.map((o) => o.name).join()])).toEqual([
      ['#1.1', '张三'],
      ['#1.2', '李四'],
    ]);
    expect(numbers(await tasksOf('status=done'))).toEqual([3]);
    expect(numbers(await tasksOf('status=all'))).toEqual([4, 3, 2, 1]);
  });

  it('filters by person, department, lateness, escalation and template', async () => {
    // The procurement task (#4) runs through logistics, finance, procurement and the requester.
    expect(numbers(await tasksOf('person=zhangsan'))).toEqual([4, 1]);
    expect(numbers(await tasksOf('person=sunba'))).toEqual([4, 2]);
    expect(numbers(await tasksOf('person=wushi&status=all'))).toEqual([3]);
    expect(numbers(await tasksOf('department=procurement'))).toEqual([4, 2]);
    // 郑一 created #1 and #2 but owns nothing there: only #4 waits on the business department.
    expect(numbers(await tasksOf('department=business'))).toEqual([4]);
    expect(numbers(await tasksOf('department=admin&status=done'))).toEqual([3]);
    // Ninety minutes on, #1.1 (one hour) and #4.1 (one working hour) are late, #2.1 not yet.
    const late = await tasksOf('late=1');
    expect(numbers(late)).toEqual([4, 1]);
    expect(late.map((t) => t.late)).toEqual([true, true]);
    const escalated = await tasksOf('escalated=true');
    expect(numbers(escalated)).toEqual([2]);
    expect(escalated[0]?.escalated).toBe(true);
    expect(numbers(await tasksOf('template=procurement'))).toEqual([4]);
    expect(numbers(await tasksOf('person=&department=&late=&escalated=0'))).toEqual([4, 2, 1]);
  });

  it('answers 400 to filters it cannot read', async () => {
    for (const query of [
      'status=finished',
      'late=maybe',
      'person=a%20b',
      'colour=red',
      'person=lisi&person=zhangsan',
      'page=0',
      'page=1.5',
      'pageSize=101',
      'sort=random',
      `q=${'长'.repeat(51)}`,
    ]) {
      const res = await get(`/api/console/tasks?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'console.bad_request' } });
    }
    expect((await get('/api/console/tasks/bad%20id')).statusCode).toBe(400);
    expect((await get('/api/console/tasks/tsk_nothing')).statusCode).toBe(404);
  });

  it('finds a task by its number as well as by its id', async () => {
    const repair = (await tasksOf()).find((t) => t.number === 1);
    const byNumber = await get('/api/console/tasks/1');
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().task).toMatchObject({ id: repair?.id, number: 1, title: '空调维修' });
    expect((await get(`/api/console/tasks/${repair?.id}`)).json().task.number).toBe(1);
    expect((await get('/api/console/tasks/99')).statusCode).toBe(404);
    expect((await get('/api/console/tasks/99999999999')).statusCode).toBe(404);
    expect((await get('/tasks/1')).statusCode).toBe(200);
  });

  it('searches titles, numbers, people and departments', async () => {
    expect(numbers(await tasksOf('q=空调'))).toEqual([1]);
    expect(numbers(await tasksOf('q=%232'))).toEqual([2]);
    expect(numbers(await tasksOf('q=2'))).toEqual([2]);
    // 孙八 owns #2.1 and a procurement node of #4; 采购部 is his department.
    expect(numbers(await tasksOf('q=孙八'))).toEqual([4, 2]);
    expect(numbers(await tasksOf('q=%20采购部%20'))).toEqual([4, 2]);
    // 郑一 created every task.
    expect(numbers(await tasksOf('q=郑一&status=all'))).toEqual([4, 3, 2, 1]);
    expect(numbers(await tasksOf('q=吴十'))).toEqual([]);
    expect(numbers(await tasksOf('q=吴十&status=all'))).toEqual([3]);
    // LIKE's wildcards are looked for as typed.
    expect(numbers(await tasksOf('q=%25'))).toEqual([]);
    expect(numbers(await tasksOf('q=_'))).toEqual([]);
  });

  it('sorts, pages with the total, and counts the nodes done of each task', async () => {
    expect(numbers(await tasksOf('sort=oldest&status=all'))).toEqual([1, 2, 3, 4]);
    const byDue = numbers(await tasksOf('sort=due&status=all'));
    // #1.1 is due within an hour, #2.1 within three; #3 has nothing running.
    expect(byDue.indexOf(1)).toBeLessThan(byDue.indexOf(2));
    expect(byDue.at(-1)).toBe(3);
    const page = async (query: string) =>
      (await get(`/api/console/tasks?status=all&pageSize=3&${query}`)).json<{
        total: number;
        page: number;
        tasks: TaskRow[];
      }>();
    const first = await page('page=1');
    expect([first.total, first.page, numbers(first.tasks)]).toEqual([4, 1, [4, 3, 2]]);
    const second = await page('page=2');
    expect([second.total, numbers(second.tasks)]).toEqual([4, [1]]);
    expect(numbers((await page('page=3')).tasks)).toEqual([]);
    const progress = (await tasksOf('status=all')).map((t) => [
      t.number,
      (t as TaskRow & { progress: unknown }).progress,
    ]);
    expect(progress).toContainEqual([3, { done: 1, total: 1 }]);
    expect(progress).toContainEqual([1, { done: 0, total: 2 }]);
  });

  it('exports the filtered list as CSV for Excel, with Chinese headers', async () => {
    const res = await get('/api/console/tasks.csv?status=all&sort=oldest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tasks-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const body = res.rawPayload.toString('utf8');
    expect(
      body.startsWith('\uFEFF任务号,标题,状态,紧急,流程模板,发起人,进度,当前节点,当前负责人,'),
    ).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^#1,空调维修,进行中,否,,郑一,0\/2,#1\.1 联系供应商,张三,后勤部/);
    expect(lines[3]).toMatch(/^#3,订会议室,已完成,否,,郑一,1\/1,,,/);
    expect(lines[2]).toContain(',手动升级,');
    const filtered = (await get('/api/console/tasks.csv?q=空调')).rawPayload.toString('utf8');
    expect(filtered.trimEnd().split('\r\n')).toHaveLength(2);
    expect((await get('/api/console/tasks.csv?page=2')).statusCode).toBe(400);
  });

  it("shows a task's card, timeline and full event log", async () => {
    const repair = (await tasksOf()).find((t) => t.number === 1);
    const res = await get(`/api/console/tasks/${repair?.id}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json<{
      card: { title: string; steps: { ref: string }[] };
      timeline: { ref: string; start: string | null; dueAt: string | null; late: boolean }[];
      events: { type: string; actor: { name: string } | null; source: string }[];
    }>();
    expect(detail.card.title).toBe('#1 空调维修');
    expect(detail.card.steps.map((s) => s.ref)).toEqual(['#1.1', '#1.2']);
    const [first, second] = detail.timeline;
    expect(first).toMatchObject({ ref: '#1.1', late: true });
    expect(first?.start).not.toBeNull();
    expect(first?.dueAt).not.toBeNull();
    expect(second).toMatchObject({ ref: '#1.2', start: null, late: false });
    expect(detail.events[0]).toMatchObject({
      type: 'task.created',
      actor: { name: '郑一' },
      source: 'sim',
    });
    expect(detail.events.map((e) => e.type)).toContain('node.activated');
  });

  it('shows who holds what in each department', async () => {
    const res = await get('/api/console/departments');
    const { departments } = res.json<{
      departments: {
        id: string | null;
        people: { id: string; holds: { ref: string; late: boolean }[] }[];
      }[];
    }>();
    const holds = (dept: string, person: string) =>
      departments
        .find((d) => d.id === dept)
        ?.people.find((p) => p.id === person)
        ?.holds.map((h) => [h.ref, h.late]);
    expect(holds('logistics', 'zhangsan')).toEqual([['#1.1', true]]);
    expect(holds('procurement', 'sunba')).toEqual([['#2.1', false]]);
    expect(holds('finance', 'lisi')).toEqual([]);
  });

  it("shows each department's liaison and leader with their source, and queues a sync on request", async () => {
    const log = createDirectorySyncLog(engine.database.db);
    const failed = await log.start('default', 'dingtalk', 'schedule', new Date());
    await log.fail(failed, 'DingTalk errcode 88: 60011 no permission', new Date());
    const res = await get('/api/console/directory');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.syncAvailable).toBe(true);
    expect(body.syncs[0]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('60011'),
    });
    expect(body.departments.find((d: { id: string }) => d.id === 'logistics')).toEqual({
      id: 'logistics',
      name: '后勤部',
      nameSource: 'org-file',
      liaison: { id: 'zhangsan', source: 'org-file' },
      leader: { id: 'wangwu', source: 'org-file' },
      people: 2,
    });
    expect(body.people.zhangsan).toEqual({ name: 'org-file', department: 'org-file' });
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/console/directory/sync', headers, payload: '{}' });
    expect((await post({ 'content-type': 'application/json' })).statusCode).toBe(401);
    expect((await post({ ...auth, 'content-type': 'text/plain' })).statusCode).toBe(415);
    expect((await post({ ...auth, 'content-type': 'application/json' })).statusCode).toBe(202);
    expect(syncRequests).toBe(1);
  });

  it('offers the filter choices', async () => {
    const meta = (await get('/api/console/meta')).json<{
      departments: { id: string }[];
      people: { id: string }[];
      templates: { key: string }[];
    }>();
    expect(meta.departments.map((d) => d.id)).toContain('logistics');
    expect(meta.people.map((p) => p.id)).toContain('zhengyi');
    expect(meta.templates.map((t) => t.key)).toContain('procurement');
  });
});
