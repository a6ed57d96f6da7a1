import { describe, expect, it } from 'vitest';
import type { SetupAction } from '../../../../src/domain/command/command.types.js';
import { expectUsageError, parse } from './command.helpers.js';

describe('/设置', () => {
  it.each<[string, SetupAction]>([
    ['/设置', { kind: 'show' }],
    ['/setup', { kind: 'show' }],
    ['/设置 协调群', { kind: 'coordination-chat' }],
    ['/setup coordination', { kind: 'coordination-chat' }],
    ['/设置 联络员 @张三 后勤部', { kind: 'liaison', person: '张三', department: '后勤部' }],
    ['/设置 联络员 后勤部 @张三', { kind: 'liaison', person: '张三', department: '后勤部' }],
    ['/设置 联络员 @张三 @后勤部', { kind: 'liaison', person: '张三', department: '后勤部' }],
    ['/设置 联络员 @张三，后勤部', { kind: 'liaison', person: '张三', department: '后勤部' }],
    [
      '/setup liaison @zhangsan logistics',
      { kind: 'liaison', person: 'zhangsan', department: 'logistics' },
    ],
    ['/设置 协调人 @赵六', { kind: 'coordinators', people: ['赵六'] }],
    ['/设置 协调人 @赵六 @钱七', { kind: 'coordinators', people: ['赵六', '钱七'] }],
    ['/setup Coordinator @zhao', { kind: 'coordinators', people: ['zhao'] }],
    ['/设置 领导 @王五', { kind: 'leader', person: '王五', department: null }],
    ['/设置 领导 @王五 后勤部', { kind: 'leader', person: '王五', department: '后勤部' }],
    ['/setup leader @王五', { kind: 'leader', person: '王五', department: null }],
    ['/设置领导 @王五', { kind: 'leader', person: '王五', department: null }],
    ['/设置 领导@王五', { kind: 'leader', person: '王五', department: null }],
    ['/设置 协调群。', { kind: 'coordination-chat' }],
    ['/设置 联络员：@张三 后勤部', { kind: 'liaison', person: '张三', department: '后勤部' }],
  ])('%s', (text, action) => {
    expect(parse(text)).toEqual({ kind: 'setup', action });
  });

  it.each<[string, string]>([
    ['/设置 联络员 @张三', 'command.missing_department'],
    ['/设置 联络员 后勤部', 'command.missing_person'],
    ['/设置 联络员 @张三 @李四 后勤部', 'command.too_many_people'],
    ['/设置 联络员 @张三 @李四 @王五', 'command.too_many_people'],
    ['/设置 协调人', 'command.missing_person'],
    ['/设置 协调人 @赵六 负责协调', 'command.unexpected_text'],
    ['/设置 领导', 'command.missing_person'],
    ['/设置 领导 @王五 @赵六 后勤部', 'command.too_many_people'],
    ['/设置 协调群 现在', 'command.unexpected_text'],
    ['/设置 协调群 @张三', 'command.unexpected_text'],
    ['/设置 颜色 红', 'command.unknown_setting'],
    ['/设置 @张三', 'command.unknown_setting'],
  ])('%s → %s', (text, code) => {
    expectUsageError(text, code, 'setup');
  });
});
