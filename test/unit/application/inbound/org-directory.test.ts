import { describe, expect, it } from 'vitest';
import { resolveName, resolvePerson } from '../../../../src/application/inbound/org-directory.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { anOrg } from '../../domain/builders.js';

const person = (id: string, name: string, departmentId: string) => ({
  id,
  name,
  departmentId,
  wecomUserId: null,
  dingtalkUserId: null,
  active: true,
});
const org = anOrg({
  people: [
    person('zhangwei1', '张伟', 'logistics'),
    person('zhangwei2', '张伟', 'finance'),
    person('ouyang', '欧阳娜娜', 'finance'),
    person('chenshisan', '陈十三', 'catering'),
    { ...person('gone', '欧阳锋', 'finance'), active: false },
  ],
});
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
  }
  throw new Error('no DomainError');
};

describe('name resolution', () => {
  it.each([
    ['张伟', 'directory.ambiguous'],
    ['张', 'directory.unknown'],
    ['王二麻', 'directory.unknown'],
    ['欧阳锋', 'directory.unknown'],
  ])('@%s → %s', (name, code) => {
    expect(error(() => resolvePerson(org, name)).code).toBe(code);
  });

  it.each([
    ['zhangwei2', 'zhangwei2'],
    ['欧阳', 'ouyang'],
    ['陈十三', 'chenshisan'],
    ['陈十三丰', 'chenshisan'],
    ['欧阳娜娜', 'ouyang'],
  ])('@%s → %s', (name, id) => {
    expect(resolvePerson(org, name).id).toBe(id);
  });

  it('asks which 张伟, naming each department and how to say it', () => {
    expect(error(() => resolveName(org, '张伟')).userMessage).toBe(
      '「张伟」对应多个人：张伟（后勤部，@zhangwei1）、张伟（财务部，@zhangwei2）。你指的是哪一位？请用 @id 指明。',
    );
  });

  it('a department name means its liaison; an exact person name wins over a partial one', () => {
    expect(resolveName(org, '后勤部').personId).toBe('zhangsan');
    expect(resolveName(org, '欧阳娜娜').personId).toBe('ouyang');
  });
});
