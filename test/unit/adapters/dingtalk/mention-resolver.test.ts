import { describe, expect, it } from 'vitest';
import { resolveMentions } from '../../../../adapters/dingtalk/inbound/mention-resolver.js';
import type { Person } from '../../../../src/domain/org/org.types.js';

const person = (id: string, name: string, dingtalkUserId: string): Person => ({
  id,
  name,
  departmentId: null,
  wecomUserId: null,
  dingtalkUserId,
  active: true,
});

const org = {
  people: [
    person('zhangsan', '张三', 'u1'),
    person('zhangwei1', '张伟', 'u2'),
    person('zhangwei2', '张伟', 'u3'),
    person('lisi', '李四', 'u4'),
  ],
  departments: [{ id: 'finance', name: '财务部', liaisonId: 'lisi', leaderId: null }],
};

describe('resolveMentions', () => {
  it('leaves names that match one person as written', () => {
    expect(resolveMentions('报修 @张三 明天', [{ dingtalkId: 'd1', staffId: 'u1' }], org)).toBe(
      '报修 @张三 明天',
    );
  });

  it('settles a shared name by the one mentioned id among them', () => {
    expect(resolveMentions('核对 @张伟 今天', [{ dingtalkId: 'd3', staffId: 'u3' }], org)).toBe(
      '核对 @zhangwei2 今天',
    );
  });

  it('keeps a shared name when the ids do not settle it, so the engine lists who it could be', () => {
    expect(resolveMentions('核对 @张伟', [], org)).toBe('核对 @张伟');
    const both = [
      { dingtalkId: 'd2', staffId: 'u2' },
      { dingtalkId: 'd3', staffId: 'u3' },
    ];
    expect(resolveMentions('核对 @张伟', both, org)).toBe('核对 @张伟');
  });

  it('maps the one unknown display name to the one unaccounted id', () => {
    const at = [
      { dingtalkId: 'd1', staffId: 'u1' },
      { dingtalkId: 'd4', staffId: 'u4' },
    ];
    expect(resolveMentions('@张三 和 @小李 跟进', at, org)).toBe('@张三 和 @lisi 跟进');
  });

  it('keeps unknown names when the ids cannot tell which is which', () => {
    const at = [
      { dingtalkId: 'd1', staffId: 'u1' },
      { dingtalkId: 'd4', staffId: 'u4' },
    ];
    expect(resolveMentions('@小张 @小李', at, org)).toBe('@小张 @小李');
  });

  it('does not take a department for an unknown person', () => {
    const at = [{ dingtalkId: 'd4', staffId: 'u4' }];
    expect(resolveMentions('@财务部 审批', at, org)).toBe('@财务部 审批');
  });

  it('ignores ids of people outside the organisation (no staffId)', () => {
    expect(resolveMentions('@外部 看看', [{ dingtalkId: 'x' }], org)).toBe('@外部 看看');
  });
});
