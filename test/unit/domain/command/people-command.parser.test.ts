import { describe, expect, it } from 'vitest';
import type { Command, CommandKind } from '../../../../src/domain/command/command.types.js';
import { expectUsageError, parse, t } from './command.helpers.js';

describe('/转交, /加签, /抄送', () => {
  it.each<[string, Command]>([
    ['/转交 #12.2 @李四 出差', { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' }],
    [
      '/转交 #12.2 @李四 出差一周',
      { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差一周' },
    ],
    ['/转交 @李四 #12.2 出差', { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' }],
    ['/转交 #12.2 出差 @李四', { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' }],
    ['/转交 #12.2 @李四，出差', { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' }],
    ['/转交 #12.2 @李四：出差', { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' }],
    ['/transfer @lisi on leave', { kind: 'transfer', ref: null, to: 'lisi', reason: 'on leave' }],
    ['/转交 @财务部 不归我管', { kind: 'transfer', ref: null, to: '财务部', reason: '不归我管' }],
    [
      '/转交 #12.2 @李四 @李四 出差',
      { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' },
    ],
    ['/转交 ＃12．2 ＠李四 出差', { kind: 'transfer', ref: t(12, 2), to: '李四', reason: '出差' }],
    ['/加签 #12.2 @王五', { kind: 'addsign', ref: t(12, 2), people: ['王五'], note: null }],
    ['/addsign @王五 @赵六', { kind: 'addsign', ref: null, people: ['王五', '赵六'], note: null }],
    [
      '/加签 #12.2 @王五 金额超过一万',
      { kind: 'addsign', ref: t(12, 2), people: ['王五'], note: '金额超过一万' },
    ],
    [
      '/加签 #12.2 @王五、@赵六',
      { kind: 'addsign', ref: t(12, 2), people: ['王五', '赵六'], note: null },
    ],
    ['/抄送 #12 @王五 @财务部', { kind: 'cc', ref: t(12), people: ['王五', '财务部'], note: null }],
    ['/cc #12 @wangwu', { kind: 'cc', ref: t(12), people: ['wangwu'], note: null }],
    ['/抄送 #12 @王五 请知悉', { kind: 'cc', ref: t(12), people: ['王五'], note: '请知悉' }],
    ['/抄送 @王五 #12', { kind: 'cc', ref: t(12), people: ['王五'], note: null }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each<[string, string, CommandKind]>([
    ['/转交 #12.2 出差', 'command.missing_person', 'transfer'],
    ['/转交', 'command.missing_person', 'transfer'],
    ['/转交 #12.2 @李四', 'command.missing_reason', 'transfer'],
    ['/转交 #12.2 @李四，', 'command.missing_reason', 'transfer'],
    ['/转交 #12.2 @李四 @王五 出差', 'command.too_many_people', 'transfer'],
    ['/转交 #12.x @李四 出差', 'command.bad_ref', 'transfer'],
    ['/转交 #12.2 @ 李四 出差', 'command.missing_person', 'transfer'],
    ['/加签 #12.2', 'command.missing_person', 'addsign'],
    ['/加签 #12.2 王五', 'command.missing_person', 'addsign'],
    ['/抄送 @王五', 'command.missing_ref', 'cc'],
    ['/抄送 12 @王五', 'command.missing_ref', 'cc'],
    ['/抄送 #12', 'command.missing_person', 'cc'],
    ['/抄送 #12.2 @王五', 'command.whole_task_ref', 'cc'],
    ['/抄送', 'command.missing_ref', 'cc'],
  ])('%s → %s', (text, code, kind) => {
    expectUsageError(text, code, kind);
  });
});
