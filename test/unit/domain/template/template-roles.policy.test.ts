import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { resolveRole } from '../../../../src/domain/template/template-roles.policy.js';
import { anOrg } from '../builders.js';

const ctx = {
  org: anOrg(),
  requesterId: 'zhengyi',
  fields: { 使用部门: ' 财务部 ', 部门: 'nowhere' },
};

describe('resolveRole', () => {
  it.each<[string, string, string, string | null]>([
    ['the requester, in their department', 'requester', 'zhengyi', 'business'],
    ['a department by id: its liaison', 'dept:finance', 'lisi', 'finance'],
    ['a department by name', 'dept:后勤部', 'zhangsan', 'logistics'],
    ['liaison: the same as dept:', 'liaison:logistics', 'zhangsan', 'logistics'],
    ['a department leader', 'leader:logistics', 'wangwu', 'logistics'],
    ['a person', 'person:qianqi', 'qianqi', 'finance'],
    ['the department a field names (trimmed)', 'field:使用部门', 'lisi', 'finance'],
  ])('%s', (_name, role, personId, departmentId) => {
    expect(resolveRole(role, ctx)).toEqual({ personId, departmentId });
  });

  it.each<[string, string, string, RegExp]>([
    [
      'an unknown department',
      'dept:legal',
      'template.unknown_department',
      /流程需要部门「legal」，但组织里没有这个部门/,
    ],
    ['a department without liaison', 'dept:hr', 'template.no_liaison', /人力部还没有联络员/],
    [
      'a department without leader',
      'leader:warehouse',
      'template.no_leader',
      /仓储部还没有设置负责领导/,
    ],
    [
      'an unknown person',
      'person:nobody',
      'template.unknown_person',
      /负责人「nobody」不在组织通讯录里/,
    ],
    ['a person who left', 'person:gone', 'template.unknown_person', /「gone」/],
    [
      'a field naming no department',
      'field:部门',
      'template.unknown_department',
      /部门「nowhere」/,
    ],
    ['a field left empty', 'field:没填', 'template.unknown_department', /部门「」/],
  ])('refuses %s', (_name, role, code, message) => {
    let error: unknown;
    try {
      resolveRole(role, ctx);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).userMessage).toMatch(message);
  });

  it('refuses a requester who is not in the org', () => {
    expect(() => resolveRole('requester', { ...ctx, requesterId: 'stranger' })).toThrow(/stranger/);
  });
});
