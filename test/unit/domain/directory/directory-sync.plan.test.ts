import { describe, expect, it } from 'vitest';
import type {
  DirectorySnapshot,
  PlatformMember,
} from '../../../../src/domain/directory/directory.types.js';
import {
  type CurrentDirectory,
  planDirectorySync,
} from '../../../../src/domain/directory/directory-sync.plan.js';

const EMPTY: CurrentDirectory = { departments: [], people: [] };
const member = (userId: string, name: string | null, ...depts: string[]): PlatformMember => ({
  userId,
  name,
  departmentPlatformIds: depts,
});
const snapshot = (over: Partial<DirectorySnapshot> = {}): DirectorySnapshot => ({
  platform: 'dingtalk',
  departments: [
    { platformId: '10', name: '后勤部', parentPlatformId: '1', leaderUserIds: ['u1'] },
    { platformId: '11', name: '车队', parentPlatformId: '10', leaderUserIds: [] },
  ],
  members: [member('u1', '王五', '10'), member('u2', '张三', '11', '10'), member('u3', '李四')],
  ...over,
});
/** The directory after applying `plan` to `current`. */
function apply(
  current: CurrentDirectory,
  plan: ReturnType<typeof planDirectorySync>,
): CurrentDirectory {
  const merge = <T extends { id: string }>(rows: readonly T[], writes: readonly T[]) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const w of writes) byId.set(w.id, w);
    return [...byId.values()];
  };
  return {
    departments: merge(current.departments, plan.departments),
    people: merge(current.people, plan.people),
  };
}

describe('planDirectorySync', () => {
  it('adds departments with parents and leaders, and people in their main department', () => {
    const plan = planDirectorySync(EMPTY, snapshot());
    const fleet = plan.departments.find((d) => d.fields.name === '车队');
    expect(fleet?.fields.parentId).toBe('dt-dept-10');
    expect(plan.departments.find((d) => d.id === 'dt-dept-10')?.fields.leaderId).toBe('dt-u1');
    expect(plan.people.find((p) => p.id === 'dt-u2')?.fields.departmentId).toBe('dt-dept-11');
    // At the root: no department.
    expect(plan.people.find((p) => p.id === 'dt-u3')?.fields.departmentId).toBeNull();
    expect(plan.changes.filter((c) => c.kind === 'person.joined')).toHaveLength(3);
  });

  it('is idempotent: the same snapshot twice plans nothing the second time', () => {
    const once = apply(EMPTY, planDirectorySync(EMPTY, snapshot()));
    const again = planDirectorySync(once, snapshot());
    expect(again).toEqual({ departments: [], people: [], changes: [], overridden: 0 });
  });

  it('moves, renames, leavers, a renamed and a removed department, a new leader', () => {
    const once = apply(EMPTY, planDirectorySync(EMPTY, snapshot()));
    const next = snapshot({
      departments: [
        { platformId: '10', name: '后勤保障部', parentPlatformId: '1', leaderUserIds: ['u2'] },
      ],
      members: [member('u1', '王五', '10'), member('u2', '张三丰', '10')],
    });
    const plan = planDirectorySync(once, next);
    expect(plan.changes.map((c) => c.kind).sort()).toEqual([
      'department.leader_changed',
      'department.removed',
      'department.renamed',
      'person.left',
      'person.moved',
      'person.renamed',
    ]);
    expect(plan.people.find((p) => p.id === 'dt-u3')?.active).toBe(false);
    const after = apply(once, plan);
    expect(planDirectorySync(after, next).changes).toEqual([]);
    // Back again: returned, not joined under a new id.
    const back = planDirectorySync(after, snapshot());
    expect(back.changes.filter((c) => c.kind === 'person.returned').map((c) => c.personId)).toEqual(
      ['dt-u3'],
    );
  });

  it('adopts the org file department of the same name and leaves its held fields alone', () => {
    const current: CurrentDirectory = {
      departments: [
        {
          id: 'logistics',
          source: 'org-file',
          active: true,
          fields: {
            name: '后勤部',
            parentId: null,
            liaisonId: 'zhangsan',
            leaderId: 'boss',
            wecomDeptId: null,
            dingtalkDeptId: null,
          },
          fieldSources: { name: 'org-file', liaisonId: 'org-file', leaderId: 'org-file' },
        },
      ],
      people: [
        {
          id: 'zhangsan',
          source: 'org-file',
          active: true,
          fields: {
            name: '张三',
            departmentId: 'logistics',
            wecomUserId: null,
            dingtalkUserId: 'u2',
          },
          fieldSources: { name: 'org-file', departmentId: 'org-file', dingtalkUserId: 'org-file' },
        },
      ],
    };
    const plan = planDirectorySync(current, snapshot());
    const logistics = plan.departments.find((d) => d.id === 'logistics');
    expect(logistics?.fields).toMatchObject({ dingtalkDeptId: '10', leaderId: 'boss' });
    expect(plan.people.some((p) => p.id === 'dt-u2')).toBe(false);
    expect(plan.overridden).toBeGreaterThan(0);
    // The org file's person is never deactivated by a platform that stops listing them.
    const gone = planDirectorySync(apply(current, plan), snapshot({ members: [] }));
    expect(gone.people.find((p) => p.id === 'zhangsan')).toBeUndefined();
  });

  it('keeps known names when the platform gives none (WeCom apps that may not read names)', () => {
    const once = apply(EMPTY, planDirectorySync(EMPTY, snapshot()));
    const nameless = snapshot({
      platform: 'dingtalk',
      departments: snapshot().departments.map((d) => ({ ...d, name: null })),
      members: snapshot().members.map((m) => ({ ...m, name: null })),
    });
    expect(planDirectorySync(once, nameless).changes).toEqual([]);
    const fresh = planDirectorySync(EMPTY, nameless);
    expect(fresh.people.find((p) => p.id === 'dt-u1')?.fields.name).toBe('u1');
    expect(fresh.departments.find((d) => d.id === 'dt-dept-10')?.fields.name).toBe('部门10');
  });
});
