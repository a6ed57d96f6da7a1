import { describe, expect, it } from 'vitest';
import { parseOrgFile } from '../../../src/infra/org/org-file.parser.js';
import type { PlatformModule } from '../../../src/main/platform-module.js';
import { sandboxOrgFile, simulatorSetup } from '../../../src/main/simulator.js';

const wecom = { platform: 'wecom' } as PlatformModule;

describe('simulatorSetup', () => {
  it.each([
    ['auto', [], { enabled: true, tenantId: 'default' }],
    ['auto', [wecom], { enabled: false, tenantId: 'sandbox' }],
    ['on', [], { enabled: true, tenantId: 'default' }],
    ['on', [wecom], { enabled: true, tenantId: 'sandbox' }],
    ['off', [], { enabled: false, tenantId: 'default' }],
    ['off', [wecom], { enabled: false, tenantId: 'sandbox' }],
  ] as const)('%s with %o real platforms → %o', (mode, modules, expected) => {
    expect(simulatorSetup(mode, modules)).toEqual(expected);
  });
});

describe('sandboxOrgFile', () => {
  it('keeps the people and the ladder, but no platform ids, corp ids or real chats', () => {
    const file = parseOrgFile(
      `
tenant: { id: default, name: 真实集团, wecomCorpId: ww123 }
departments: [{ id: ops, name: 运维部, liaison: zhangsan }]
people:
  - { id: zhangsan, name: 张三, department: ops, wecom: ZhangSan, dingtalk: "0123" }
  - { id: lisi, name: 李四 }
coordination:
  chats:
    - { platform: wecom, chatId: wrReal, webhookKey: secret-key }
    - { platform: sim, chatId: coordination, name: 跨部门协调群 }
  coordinators: [zhangsan]
`,
      'org.yaml',
    );
    const sandbox = sandboxOrgFile(file);
    expect(sandbox.tenant).toEqual({ id: 'sandbox', name: '真实集团（模拟器沙盒）' });
    expect(sandbox.people).toEqual([
      { id: 'zhangsan', name: '张三', department: 'ops' },
      { id: 'lisi', name: '李四' },
    ]);
    expect(sandbox.coordination.chats).toEqual([
      { platform: 'sim', chatId: 'coordination', name: '跨部门协调群' },
    ]);
    expect(sandbox.coordination.coordinators).toEqual(['zhangsan']);
    expect(sandbox.departments).toEqual(file.departments);
    expect(sandbox.escalation).toEqual(file.escalation);
  });
});
