import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/infra/db/client.js';
import { importOrgFile } from '../../../src/infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import {
  chats,
  departments,
  events,
  people,
  roleAssignments,
  tenants,
} from '../../../src/infra/db/schema/index.js';
import { OrgFileError, parseOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { SAMPLE_ORG_FILE } from '../../../src/infra/project-paths.js';
import { createPgliteTestDatabase } from '../../helpers/pglite-db.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';

const sampleText = readFileSync(SAMPLE_ORG_FILE, 'utf8');
const sample = parseOrgFile(sampleText, 'org.sample.yaml');

async function snapshot(db: Db) {
  const strip = <T extends object>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    tenants: strip(await db.select().from(tenants)),
    departments: strip(await db.select().from(departments)),
    people: strip(await db.select().from(people)),
    roles: strip(await db.select().from(roleAssignments)),
    chats: strip(await db.select().from(chats)),
  };
}

describe.each([
  ['postgres', createTestDatabase],
  ['pglite', createPgliteTestDatabase],
])('org import on %s', (_kind, create) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await create();
  });
  afterEach(() => database.destroy());

  it('loads the sample organisation, and a second load changes nothing', async () => {
    const first = await importOrgFile(database.db, sample);
    expect(first.peopleChanged).toBe(sample.people.length);
    const before = await snapshot(database.db);
    const second = await importOrgFile(database.db, sample);
    expect(second).toEqual({
      tenantId: 'default',
      departmentsChanged: 0,
      peopleChanged: 0,
      chatsChanged: 0,
      rolesChanged: 0,
      deactivated: 0,
    });
    expect(await snapshot(database.db)).toEqual(before);
    expect(await database.db.select().from(events)).toHaveLength(1);
  });

  it('builds the domain Org from the rows', async () => {
    await importOrgFile(database.db, sample);
    const org = await createOrgStore(database.db).loadOrg('default');
    expect(org?.calendar).toEqual({
      timezone: 'Asia/Shanghai',
      workStartMinute: 540,
      workEndMinute: 1080,
      holidays: 'cn',
      extraHolidays: ['2026-12-31'],
      extraWorkdays: [],
      officialSchedules: [],
    });
    expect(org?.departments.find((d) => d.id === 'logistics')).toEqual({
      id: 'logistics',
      name: '后勤部',
      liaisonId: 'zhangsan',
      leaderId: 'wangwu',
    });
    expect(org?.coordination).toEqual({
      chats: [{ platform: 'sim', chatId: 'coordination', webhookKey: null }],
      coordinators: ['zhaoliu'],
      leadership: ['wangwu'],
      admins: ['zhaoliu'],
    });
    expect(org?.escalation.urgent.remindBefore).toEqual([
      { kind: 'before', duration: { unit: 'ms', ms: 600_000 } },
    ]);
    expect(await createOrgStore(database.db).loadOrg('nope')).toBeNull();
  });

  it('deactivates people and departments the file no longer names, and applies changes', async () => {
    await importOrgFile(database.db, sample);
    const edited = parseOrgFile(
      sampleText
        .replace(/^ {2}- \{ id: chenshisan.*$/m, '')
        .replace('liaison: chenshisan', 'liaison: fengshier')
        .replace('name: 王五,', 'name: 王小五,')
        .replace('coordinators: [zhaoliu]', 'coordinators: [zhaoliu, lisi]'),
      'edited.yaml',
    );
    const summary = await importOrgFile(database.db, edited);
    expect(summary).toMatchObject({
      peopleChanged: 1,
      departmentsChanged: 1,
      rolesChanged: 1,
      deactivated: 1,
    });
    const org = await createOrgStore(database.db).loadOrg('default');
    expect(org?.people.find((p) => p.id === 'chenshisan')?.active).toBe(false);
    expect(org?.people.find((p) => p.id === 'wangwu')?.name).toBe('王小五');
    expect(org?.coordination.coordinators).toEqual(['lisi', 'zhaoliu']);
  });

  it('a broken file is refused before anything is written', async () => {
    await importOrgFile(database.db, sample);
    const before = await snapshot(database.db);
    expect(() =>
      parseOrgFile(sampleText.replace('liaison: zhangsan', 'liaison: ghost'), 'bad.yaml'),
    ).toThrow(OrgFileError);
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('a failure mid-import rolls everything back', async () => {
    await importOrgFile(database.db, sample);
    const before = await snapshot(database.db);
    // Role assignments are written after departments and people: fail there.
    await database.db.execute(sql`
      create function refuse_role() returns trigger language plpgsql as
      $$ begin raise exception 'refused by test'; end $$`);
    await database.db.execute(sql`
      create trigger refuse_role before insert on role_assignments
      for each row execute function refuse_role()`);
    const edited = parseOrgFile(
      sampleText
        .replace('name: 王五,', 'name: 王小五,')
        .replace('coordinators: [zhaoliu]', 'coordinators: [zhaoliu, lisi]'),
      'edited.yaml',
    );
    await expect(importOrgFile(database.db, edited)).rejects.toThrow(/role_assignments/);
    expect(await snapshot(database.db)).toEqual(before);
  });

  it("a synced person holding a userid the file names is retired; the file's person takes it", async () => {
    await database.db.insert(tenants).values({ id: 'default', name: 'x', settings: {} });
    await database.db.insert(people).values({
      tenantId: 'default',
      id: 'wx_lisi',
      name: '李四',
      wecomUserId: 'LiSi',
      source: 'wecom',
      fieldSources: { name: 'wecom', wecomUserId: 'wecom' },
    });
    await importOrgFile(database.db, sample);
    const org = await createOrgStore(database.db).loadOrg('default');
    expect(org?.people.find((p) => p.id === 'lisi')?.wecomUserId).toBe('LiSi');
    expect(org?.people.find((p) => p.id === 'wx_lisi')).toMatchObject({
      active: false,
      wecomUserId: null,
    });
  });
});
