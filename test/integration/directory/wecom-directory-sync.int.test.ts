import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { departments, people } from '../../../src/infra/db/schema/index.js';
import { createDirectorySyncRunner } from '../../../src/main/directory-sync.js';
import type { ContactsSource } from '../../../src/ports/contacts-source.port.js';
import { startWecomHttpEngine, type WecomHttpEngine } from '../../fakes/wecom/http-engine.js';

describe('directory sync from WeCom contacts (the self-built app against the local WeCom API)', () => {
  let wecom: WecomHttpEngine | undefined;
  afterEach(async () => {
    await wecom?.stop();
    wecom = undefined;
  });
  const start = async () => {
    wecom = await startWecomHttpEngine();
    const contacts = wecom.engine.modules[0]?.contacts as ContactsSource;
    const sync = createDirectorySyncRunner(wecom.engine.database.db, [contacts], () => undefined);
    if (!sync) throw new Error('the WeCom module has no contacts');
    const { directory } = wecom.api;
    directory.departments.set(2, { id: 2, name: '后勤部', parentid: 1, leaders: ['WangWu'] });
    directory.departments.set(3, { id: 3, name: '车队', parentid: 2, leaders: [] });
    directory.departments.set(4, { id: 4, name: '研发部', parentid: 1, leaders: [] });
    const member = (userid: string, name: string, department: number[], status = 1) =>
      directory.members.set(userid, { userid, name, department, status });
    member('ZhangSan', '张三', [2]);
    member('WangWu', '王五', [2]);
    member('driver1', '司机甲', [3, 2]);
    member('dev1', '程序员乙', [4]);
    member('dev2', '程序员丙', [4], 4);
    member('quit1', '离职者', [4], 5);
    return { ...wecom, sync };
  };

  it("adds the people the org file lacks, keeps the file's people and department, and finds leaders", async () => {
    const { engine, api, sync } = await start();
    const [result] = await sync('test');
    expect(result?.summary).toMatchObject({ people: 5, departments: 3, 'person.joined': 3 });
    const db = engine.database.db;
    const synced = await db.select().from(people).where(like(people.id, 'wc-%'));
    expect(synced.map((p) => p.id).sort()).toEqual(['wc-dev1', 'wc-dev2', 'wc-driver1']);
    expect(synced.find((p) => p.id === 'wc-driver1')?.departmentId).toBe('wc-dept-3');
    // 后勤部 is the org file's `logistics`: its liaison stays, its leader is the file's too.
    const [logistics] = await db.select().from(departments).where(eq(departments.id, 'logistics'));
    expect(logistics).toMatchObject({
      wecomDeptId: '2',
      liaisonId: 'zhangsan',
      leaderId: 'wangwu',
    });
    const [fleet] = await db.select().from(departments).where(eq(departments.wecomDeptId, '3'));
    expect(fleet?.parentId).toBe('logistics');
    expect(api.callsOf('user/list')).toHaveLength(4);
    expect((await sync('test'))[0]?.summary).toEqual({ people: 5, departments: 3, overridden: 0 });
  });

  it('degrades to ids when the app may not read departments and members, keeping known names', async () => {
    const { engine, api, sync } = await start();
    await sync('test');
    api.directory.refused.add('department/list');
    api.directory.refused.add('user/list');
    api.directory.maskNames = true;
    api.directory.members.set('dev3', { userid: 'dev3', name: '新人', department: [4], status: 1 });
    const [result] = await sync('test');
    expect(result?.summary).toMatchObject({ 'person.joined': 1 });
    expect(result?.summary).not.toHaveProperty('person.renamed');
    expect(result?.summary).not.toHaveProperty('department.renamed');
    const db = engine.database.db;
    const [known] = await db.select().from(people).where(eq(people.id, 'wc-dev1'));
    expect(known?.name).toBe('程序员乙');
    const [fresh] = await db.select().from(people).where(eq(people.id, 'wc-dev3'));
    expect(fresh?.name).toBe('dev3');
    expect(api.callsOf('user/simplelist').length).toBeGreaterThan(0);
    expect(api.callsOf('department/simplelist')).toHaveLength(1);
  });

  it('a member who left (status 5) or was removed is deactivated', async () => {
    const { engine, api, sync } = await start();
    await sync('test');
    (api.directory.members.get('dev1') as { status: number }).status = 5;
    api.directory.members.delete('driver1');
    const [result] = await sync('test');
    expect(result?.summary).toMatchObject({ 'person.left': 2 });
    const left = await engine.database.db.select().from(people).where(eq(people.active, false));
    expect(left.map((p) => p.id).sort()).toEqual(['wc-dev1', 'wc-driver1']);
  });
});
