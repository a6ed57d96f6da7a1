import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../../../src/domain/command/command.parser.js';
import type { Command } from '../../../../src/domain/command/command.types.js';
import { COMMAND_USAGE, helpText } from '../../../../src/domain/command/command.usage.js';
import { COMMAND_NAMES } from '../../../../src/domain/command/command-names.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';

const options = { botNames: ['接力', 'Baton'] };
const parse = (text: string): Command => {
  const outcome = parseCommand(text, options);
  if (outcome.kind !== 'command') throw new Error(`not a command: ${text}`);
  return outcome.command;
};
const errorOf = (text: string): DomainError => {
  try {
    parseCommand(text, options);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`expected an error for ${text}`);
};

describe('simple commands', () => {
  it.each<[string, Command]>([
    ['/进度', { kind: 'status', ref: null }],
    ['/status #12', { kind: 'status', ref: { task: 12, node: null } }],
    ['/STATUS #12', { kind: 'status', ref: { task: 12, node: null } }],
    ['/我的', { kind: 'my' }],
    ['/my', { kind: 'my' }],
    ['/收到', { kind: 'ack', ref: null }],
    ['/ack #3.2', { kind: 'ack', ref: { task: 3, node: 2 } }],
    ['/完成', { kind: 'done', ref: null, note: null }],
    [
      '/完成 #12.1 已联系供应商',
      { kind: 'done', ref: { task: 12, node: 1 }, note: '已联系供应商' },
    ],
    ['/done 已处理', { kind: 'done', ref: null, note: '已处理' }],
    ['/同意 #12.2', { kind: 'approve', ref: { task: 12, node: 2 }, note: null }],
    ['/approve #12.2 OK', { kind: 'approve', ref: { task: 12, node: 2 }, note: 'OK' }],
    ['/驳回 #12.2 报价偏高', { kind: 'reject', ref: { task: 12, node: 2 }, reason: '报价偏高' }],
    ['/reject 太贵了', { kind: 'reject', ref: null, reason: '太贵了' }],
    ['/催办 #12', { kind: 'nudge', ref: { task: 12, node: null } }],
    ['/nudge', { kind: 'nudge', ref: null }],
    [
      '/转交 #12.2 @李四 出差一周',
      { kind: 'transfer', ref: { task: 12, node: 2 }, to: '李四', reason: '出差一周' },
    ],
    ['/transfer @lisi on leave', { kind: 'transfer', ref: null, to: 'lisi', reason: 'on leave' }],
    ['/退回 #12.1 数量不对', { kind: 'sendback', ref: { task: 12, node: 1 }, reason: '数量不对' }],
    ['/加签 #12.2 @王五', { kind: 'addsign', ref: { task: 12, node: 2 }, people: ['王五'] }],
    ['/addsign @王五 @赵六', { kind: 'addsign', ref: null, people: ['王五', '赵六'] }],
    [
      '/抄送 #12 @王五 @财务部',
      { kind: 'cc', ref: { task: 12, node: null }, people: ['王五', '财务部'] },
    ],
    [
      '/挂起 #12.3 等待厂家配件',
      { kind: 'pause', ref: { task: 12, node: 3 }, reason: '等待厂家配件' },
    ],
    ['/恢复 #12.3', { kind: 'resume', ref: { task: 12, node: 3 } }],
    ['/resume', { kind: 'resume', ref: null }],
    [
      '/延期 #12.2 周五前 等供应商报价',
      {
        kind: 'extend',
        ref: { task: 12, node: 2 },
        deadlineText: '周五前',
        reason: '等供应商报价',
      },
    ],
    [
      '/extend 明天18:00 缺材料',
      { kind: 'extend', ref: null, deadlineText: '明天18:00', reason: '缺材料' },
    ],
    [
      '/升级 #12 部门间有分歧',
      { kind: 'escalate', ref: { task: 12, node: null }, reason: '部门间有分歧' },
    ],
    ['/escalate #12.2 stuck', { kind: 'escalate', ref: { task: 12, node: 2 }, reason: 'stuck' }],
    ['/撤销 #12 需求取消', { kind: 'cancel', ref: { task: 12, node: null }, reason: '需求取消' }],
    ['/cancel #12', { kind: 'cancel', ref: { task: 12, node: null }, reason: null }],
    ['/周报', { kind: 'report', periodText: null }],
    ['/周报 上周', { kind: 'report', periodText: '上周' }],
    ['/report 2026-11-01 2026-11-30', { kind: 'report', periodText: '2026-11-01 2026-11-30' }],
    ['/帮助', { kind: 'help', topic: null }],
    ['/help 任务', { kind: 'help', topic: '任务' }],
    ['/帮助 /任务', { kind: 'help', topic: '任务' }],
    [
      '/评分 #12 5 很及时',
      { kind: 'rate', ref: { task: 12, node: null }, score: 5, comment: '很及时' },
    ],
    ['/rate #7 3', { kind: 'rate', ref: { task: 7, node: null }, score: 3, comment: null }],
    ['/设置', { kind: 'setup', action: { kind: 'show' } }],
    ['/设置 协调群', { kind: 'setup', action: { kind: 'coordination-chat' } }],
    [
      '/设置 联络员 @张三 后勤部',
      { kind: 'setup', action: { kind: 'liaison', person: '张三', department: '后勤部' } },
    ],
    ['/设置 协调人 @赵六', { kind: 'setup', action: { kind: 'coordinator', person: '赵六' } }],
    ['/setup leader @王五', { kind: 'setup', action: { kind: 'leader', person: '王五' } }],
    [
      '/流程 采购 物品=笔记本电脑 数量=3',
      { kind: 'start-flow', template: '采购', fields: { 物品: '笔记本电脑', 数量: '3' } },
    ],
    [
      '/flow 活动筹备 活动日期=2026-12-20 名称="年终 晚会"',
      {
        kind: 'start-flow',
        template: '活动筹备',
        fields: { 活动日期: '2026-12-20', 名称: '年终 晚会' },
      },
    ],
    [
      '/流程 采购 物品：打印纸',
      { kind: 'start-flow', template: '采购', fields: { 物品: '打印纸' } },
    ],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('what people actually type', () => {
  it.each<[string, string]>([
    ['full-width slash and digits', '／完成　＃１２．１　好了'],
    ['full-width hash', '/完成 ＃12.1 好了'],
    ['leading bot mention', '@接力 /完成 #12.1 好了'],
    ['leading bot mention, latin', '@Baton /done #12.1 好了'],
    ['extra spaces', '  /完成    #12.1     好了  '],
    ['CRLF', '/完成 #12.1 好了\r\n'],
    ['zero-width space', '/完成\u200b #12.1 好了'],
  ])('%s', (_name, text) => {
    expect(parse(text)).toEqual({ kind: 'done', ref: { task: 12, node: 1 }, note: '好了' });
  });

  it('leaves chatter alone', () => {
    expect(parseCommand('大家好，明天开会', options)).toEqual({ kind: 'not-a-command' });
    expect(parseCommand('', options)).toEqual({ kind: 'not-a-command' });
    expect(parseCommand('http://a/b', options)).toEqual({ kind: 'not-a-command' });
  });

  it('answers with help when addressed without a command', () => {
    expect(parse('@接力 你好')).toEqual({ kind: 'help', topic: null });
    expect(parse('@接力')).toEqual({ kind: 'help', topic: null });
  });
});

describe('errors say what is wrong and show the usage', () => {
  it.each<[string, string, keyof typeof COMMAND_USAGE | null]>([
    ['/驳回 #12.2', 'command.missing_reason', 'reject'],
    ['/reject', 'command.missing_reason', 'reject'],
    ['/挂起 #12.3', 'command.missing_reason', 'pause'],
    ['/升级 #12', 'command.missing_reason', 'escalate'],
    ['/升级 有分歧', 'command.missing_ref', 'escalate'],
    ['/撤销', 'command.missing_ref', 'cancel'],
    ['/抄送 @王五', 'command.missing_ref', 'cc'],
    ['/抄送 #12', 'command.missing_person', 'cc'],
    ['/加签 #12.2', 'command.missing_person', 'addsign'],
    ['/转交 #12.2 出差', 'command.missing_person', 'transfer'],
    ['/转交 #12.2 @李四', 'command.missing_reason', 'transfer'],
    ['/转交 #12.2 @李四 @王五 出差', 'command.too_many_people', 'transfer'],
    ['/退回 #12 数量不对', 'command.missing_node', 'sendback'],
    ['/退回 #12.1', 'command.missing_reason', 'sendback'],
    ['/延期 #12.2', 'command.missing_deadline', 'extend'],
    ['/延期 #12.2 周五前', 'command.missing_reason', 'extend'],
    ['/评分 #12 6', 'command.bad_score', 'rate'],
    ['/评分 #12 好', 'command.bad_score', 'rate'],
    ['/评分 5', 'command.missing_ref', 'rate'],
    ['/设置 联络员 @张三', 'command.missing_department', 'setup'],
    ['/设置 协调人', 'command.missing_person', 'setup'],
    ['/设置 颜色 红', 'command.unknown_setting', 'setup'],
    ['/流程', 'command.missing_template', 'start-flow'],
    ['/任务', 'command.missing_title', 'create-task'],
    ['/任务 修空调', 'command.no_nodes', 'create-task'],
    ['/纪要', 'command.missing_title', 'minutes'],
    ['/纪要 周例会', 'command.no_items', 'minutes'],
    ['/完成任务', 'command.unknown', null],
    ['/frobnicate', 'command.unknown', null],
  ])('%s → %s', (text, code, usageOf) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.userMessage).toMatch(/[\u4e00-\u9fff]/);
    expect(error.usage).toBe(usageOf ? COMMAND_USAGE[usageOf] : undefined);
  });

  it('suggests the closest command', () => {
    expect(errorOf('/stauts').userMessage).toContain('/status');
    expect(errorOf('/完').userMessage).toContain('/帮助');
  });

  it('refuses huge messages', () => {
    expect(errorOf(`/完成 ${'好'.repeat(MAX_COMMAND_LENGTH)}`).code).toBe('command.too_long');
  });
});

describe('every command name', () => {
  const samples: Record<string, string> = {
    'create-task': ' 修空调\n联系 @张三 明天',
    'start-flow': ' 采购',
    minutes: ' 例会\n- 场地 @张三 周五前',
    reject: ' 原因',
    pause: ' 原因',
    escalate: ' #1 原因',
    cancel: ' #1',
    sendback: ' #1.1 原因',
    transfer: ' @张三 原因',
    addsign: ' @张三',
    cc: ' #1 @张三',
    extend: ' 明天 原因',
    rate: ' #1 5',
  };
  const all = Object.entries(COMMAND_NAMES).flatMap(([kind, names]) =>
    names.map((n) => [kind, n] as const),
  );
  it.each(all)('%s answers to /%s', (kind, name) => {
    expect(parse(`/${name}${samples[kind] ?? ''}`).kind).toBe(kind);
  });

  it('has usage for every command in /帮助', () => {
    for (const usage of Object.values(COMMAND_USAGE))
      expect(helpText()).toContain(usage.split('\n')[0]);
  });
});

describe('properties', () => {
  it('never throws anything but DomainError', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(
            fc.string({ maxLength: 300 }),
            fc.string({ unit: 'grapheme', maxLength: 300 }),
            fc.constantFrom('/', '/任务', '/完成 #', '@接力 /'),
          )
          .chain((s) =>
            fc.tuple(
              fc.constantFrom('', '/', '/任务 ', '/完成 #1.', '@接力 /驳回 '),
              fc.constant(s),
            ),
          ),
        ([prefix, s]) => {
          try {
            parseCommand(prefix + s, options);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
