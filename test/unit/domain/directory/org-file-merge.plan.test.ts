import { describe, expect, it } from 'vitest';
import type { DepartmentRow, PersonRow } from '../../../../src/domain/directory/directory.types.js';
import type { CurrentDirectory } from '../../../../src/domain/directory/directory-sync.plan.js';
import {
  type OrgFileDirectory,
  planOrgFileMerge,
} from '../../../../src/domain/directory/org-file-merge.plan.js';

const logistics = (
  over: Partial<DepartmentRow['fields']>,
  sources: DepartmentRow['fieldSources'],
): DepartmentRow => ({
  id: 'logistics',
  source: 'org-file',
  active: true,
  fields: {
    name: '后勤部',
    parentId: null,
    liaisonId: null,
    leaderId: null,
    wecomDeptId: null,
    dingtalkDeptId: null,
    ...over,
  },
  fieldSources: { name: 'org-file', ...sources },
});
const synced = (id: string, wecomUserId: string): PersonRow => ({
  id,
  source: 'wecom',
  active: true,
  fields: { name: '李四', departmentId: null, wecomUserId, dingtalkUserId: null },
  fieldSources: { name: 'wecom', wecomUserId: 'wecom' },
});
const file = (liaisonId: string | null): OrgFileDirectory => ({
  departments: [{ id: 'logistics', name: '后勤部', liaisonId, leaderId: null }],
  people: [],
});
const current = (...departments: DepartmentRow[]): CurrentDirectory => ({
  departments,
  people: [],
});

describe('planOrgFileMerge', () => {
  it.each([
    // what the directory holds, what the file says, the liaison after, and its source
    [
      'a chat setting, file silent',
      logistics({ liaisonId: 'lisi' }, { liaisonId: 'chat' }),
      null,
      'lisi',
      'chat',
    ],
    [
      'a chat setting, file names one',
      logistics({ liaisonId: 'lisi' }, { liaisonId: 'chat' }),
      'zhangsan',
      'zhangsan',
      'org-file',
    ],
    [
      "the file's own, file silent now",
      logistics({ liaisonId: 'zhangsan' }, { liaisonId: 'org-file' }),
      null,
      null,
      undefined,
    ],
    [
      'platform data, file silent',
      logistics({ leaderId: 'wangwu' }, { leaderId: 'dingtalk' }),
      null,
      null,
      undefined,
    ],
  ] as const)('%s', (_, row, liaisonInFile, liaison, source) => {
    const plan = planOrgFileMerge(current(row), file(liaisonInFile));
    const after = plan.departments[0] ?? row;
    expect(after.fields.liaisonId).toBe(liaison);
    expect(after.fieldSources.liaisonId).toBe(source);
  });

  it('changes nothing when the file matches', () => {
    const row = logistics({ liaisonId: 'zhangsan' }, { liaisonId: 'org-file' });
    expect(planOrgFileMerge(current(row), file('zhangsan')).departments).toEqual([]);
  });

  it('keeps platform data the file does not speak of', () => {
    const row = logistics(
      { leaderId: 'wangwu', dingtalkDeptId: '10' },
      { leaderId: 'dingtalk', dingtalkDeptId: 'dingtalk' },
    );
    const [after] = planOrgFileMerge(current(row), file('zhangsan')).departments;
    expect(after?.fields).toMatchObject({
      leaderId: 'wangwu',
      dingtalkDeptId: '10',
      liaisonId: 'zhangsan',
    });
  });

  it('retires a synced duplicate whose platform id the file gives its own person', () => {
    const plan = planOrgFileMerge(
      { departments: [], people: [synced('wc-LiSi', 'LiSi'), synced('wc-other', 'Other')] },
      {
        departments: [],
        people: [
          {
            id: 'lisi',
            name: '李四',
            departmentId: null,
            wecomUserId: 'LiSi',
            dingtalkUserId: null,
          },
        ],
      },
    );
    expect(plan.displaced).toEqual([
      {
        ...synced('wc-LiSi', 'LiSi'),
        active: false,
        fields: { ...synced('wc-LiSi', 'LiSi').fields, wecomUserId: null },
        fieldSources: { name: 'wecom' },
      },
    ]);
    expect(plan.people[0]).toMatchObject({
      id: 'lisi',
      source: 'org-file',
      fields: { wecomUserId: 'LiSi' },
    });
  });
});
