import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { departments, directorySyncs, events, people } from '../../../src/infra/db/schema/index.js';
import { createDirectorySyncRunner } from '../../../src/main/directory-sync.js';
import type { ContactsSource } from '../../../src/ports/contacts-source.port.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { robotMessage, sayInDingTalk } from '../../fakes/dingtalk/robot-frames.js';
import { waitFor } from '../../helpers/wait-for.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

describe('directory sync from DingTalk contacts (real adapter against the local DingTalk)', () => {
  let dt: Running | undefined;
  afterEach(async () => {
    await dt?.stop();
    dt = undefined;
  });
  const start = async () => {
    dt = await startDingTalkEngine(
      undefined,
      {},
      {
        connect: false,
        engineEnv: { BATON_DIRECTORY_SYNC_MINUTES: '0' },
      },
    );
    const { engine, module } = dt;
    const sync = createDirectorySyncRunner(
      engine.database.db,
      [module.contacts as ContactsSource],
      () => undefined,
    );
    if (!sync) throw new Error('the DingTalk module has no contacts');
    return { ...dt, sync };
  };
  const syncedPeople = async (db: Running['engine']['database']['db']) =>
    db.select().from(people).where(like(people.id, 'dt-%'));

  it('syncs 5,000 people in 60 departments, page by page, leaders included; a second run changes nothing', async () => {
    const { engine, fake, sync } = await start();
    fake.api.contacts.seed(60, 5_000);
    const [first] = await sync('test');
    expect(first?.summary).toMatchObject({
      people: 5_000,
      departments: 60,
      'person.joined': 5_000,
      'department.created': 60,
    });
    const db = engine.database.db;
    expect(await syncedPeople(db)).toHaveLength(5_000);
    const pages = fake.api.contacts.calls.filter((c) => c.path === '/topapi/v2/user/list');
    expect(pages.length).toBeGreaterThanOrEqual(50);
    expect(pages.every((c) => c.body.size === 100)).toBe(true);
    const org = await createOrgStore(db).loadOrg('default');
    const dept7 = org?.departments.find((d) => d.name === '部门7');
    expect(dept7?.leaderId).toBe('dt-u7');
    // Second-level departments hang under their parents.
    const [child] = await db.select().from(departments).where(eq(departments.name, '部门17'));
    expect(child?.parentId).toBe(dept7?.id);
    const [again] = await sync('test');
    expect(again?.summary).toEqual({ people: 5_000, departments: 60, overridden: 0 });
  }, 60_000);

  it('applies moves, leavers and a renamed department; tells the coordinators about a leaver with open work', async () => {
    const { engine, fake, sync } = await start();
    fake.api.contacts.seed(3, 30);
    await sync('test');
    // u5 owns an open node.
    await engine.say('cidOffice==', 'zhaoliu', '/任务 巡检\n检查设备 @张三 1天内');
    const db = engine.database.db;
    await waitFor(async () => (await engine.texts('cidOffice==')).some((t) => t.includes('巡检')));
    await engine.say('cidOffice==', 'zhaoliu', '/转交 #1.1 @员工5 张三出差');
    await waitFor(async () =>
      (await engine.texts('cidOffice==')).some((t) => t.includes('已把 #1.1 转交给 员工5')),
    );
    const users = fake.api.contacts.users;
    users.delete('u5');
    (users.get('u6') as { deptIds: number[] }).deptIds = [102];
    (fake.api.contacts.departments.get(101) as { name: string }).name = '部门一';
    const [result] = await sync('test');
    expect(result?.summary).toMatchObject({
      'person.left': 1,
      'person.moved': 1,
      'department.renamed': 1,
    });
    const [gone] = await db.select().from(people).where(eq(people.id, 'dt-u5'));
    expect(gone).toMatchObject({ active: false });
    expect(gone?.deactivatedAt).toBeInstanceOf(Date);
    const [moved] = await db.select().from(people).where(eq(people.id, 'dt-u6'));
    expect(moved?.departmentId).toBe('dt-dept-102');
    const logged = await db
      .select({ type: events.type })
      .from(events)
      .where(like(events.type, 'directory.%'));
    expect(logged.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'directory.person.left',
        'directory.person.moved',
        'directory.department.renamed',
      ]),
    );
    const notice = await waitFor(() =>
      fake.api.groupMessages.find(
        (m) =>
          m.openConversationId === 'cidCoordination==' &&
          m.msgParam.content?.includes('员工5 已不在通讯录中'),
      ),
    );
    expect(notice.msgParam.content).toContain('/转交 #1.1');
  });

  it('learns the display name of someone known only by id when they talk to the bot', async () => {
    dt = await startDingTalkEngine(
      undefined,
      {},
      { engineEnv: { BATON_DIRECTORY_SYNC_MINUTES: '0' } },
    );
    const { engine, fake } = dt;
    const db = engine.database.db;
    await db.insert(people).values({
      tenantId: 'default',
      id: 'wc-masked',
      name: 'u-masked',
      dingtalkUserId: 'u-masked',
      source: 'dingtalk',
      fieldSources: { name: 'dingtalk', dingtalkUserId: 'dingtalk' },
    });
    sayInDingTalk(fake, {
      ...robotMessage(fake, { senderStaffId: 'u-masked', text: '/我的' }),
      senderNick: '新同事',
    });
    await waitFor(
      async () => {
        const [row] = await db.select().from(people).where(eq(people.id, 'wc-masked'));
        return row?.name === '新同事';
      },
      { what: 'the learned name' },
    );
    // A name someone set is never replaced by a display name.
    sayInDingTalk(fake, {
      ...robotMessage(fake, { senderStaffId: '0123456789', text: '/我的' }),
      senderNick: '三哥',
    });
    await waitFor(() => fake.api.webhookMessages.length >= 2 || undefined, {
      what: 'both answers',
    });
    const [zhangsan] = await db.select().from(people).where(eq(people.id, 'zhangsan'));
    expect(zhangsan?.name).toBe('张三');
  });

  it('a page that fails mid-sync changes nothing and records the failure', async () => {
    const { engine, fake, sync } = await start();
    fake.api.contacts.seed(3, 300);
    await sync('test');
    const db = engine.database.db;
    const before = await syncedPeople(db);
    fake.api.contacts.users.delete('u1');
    fake.api.contacts.failNext('/topapi/v2/user/list', 60011, { deptId: 102, cursor: 0 });
    await expect(sync('test')).rejects.toThrow(/60011/);
    expect(await syncedPeople(db)).toEqual(before);
    const [failed] = await db
      .select()
      .from(directorySyncs)
      .where(and(eq(directorySyncs.status, 'failed')));
    expect(failed?.error).toMatch(/60011/);
    // A rate-limited page is retried and the sync goes through.
    fake.api.contacts.failNext('/topapi/v2/user/list', 90018, { deptId: 102, cursor: 100 });
    const [ok] = await sync('test');
    expect(ok?.summary).toMatchObject({ 'person.left': 1 });
  });
});
