import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../../../src/domain/command/command.formatter.js';
import { parseCommand } from '../../../../src/domain/command/command.parser.js';
import type { Command } from '../../../../src/domain/command/command.types.js';
import { command } from './command.arbitraries.js';
import { parse } from './command.helpers.js';

/** What a phone keyboard in full-width mode makes of ASCII. */
function toFullWidth(text: string): string {
  return text
    .replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/ /g, '\u3000');
}

describe('formatCommand', () => {
  it.each<[Command, string]>([
    [{ kind: 'my' }, '/我的'],
    [{ kind: 'status', ref: null }, '/进度'],
    [
      { kind: 'done', ref: { task: 12, node: 1 }, note: '已联系供应商' },
      '/完成 #12.1 已联系供应商',
    ],
    [
      { kind: 'transfer', ref: { task: 12, node: 2 }, to: '李四', reason: '出差' },
      '/转交 #12.2 @李四 出差',
    ],
    [
      { kind: 'extend', ref: { task: 12, node: 2 }, deadlineText: '明天 18:00', reason: '等报价' },
      '/延期 #12.2 明天 18:00，等报价',
    ],
    [
      { kind: 'cc', ref: { task: 12, node: null }, people: ['王五', '财务部'], note: null },
      '/抄送 #12 @王五 @财务部',
    ],
    [
      { kind: 'rate', ref: { task: 12, node: null }, score: 5, comment: '很及时' },
      '/评分 #12 5 很及时',
    ],
    [{ kind: 'report', period: { kind: 'last-week' } }, '/周报 上周'],
    [{ kind: 'help', topic: 'create-task' }, '/帮助 任务'],
    [
      { kind: 'setup', action: { kind: 'liaison', person: '张三', department: '后勤部' } },
      '/设置 联络员 @张三 后勤部',
    ],
    [
      {
        kind: 'start-flow',
        template: '采购',
        urgent: true,
        fields: { 物品: '笔记本电脑', 备注: 'A4 白色' },
      },
      '/流程 采购 紧急 物品=笔记本电脑 备注="A4 白色"',
    ],
    [
      {
        kind: 'create-task',
        title: '办公室空调维修',
        urgent: true,
        eventDateText: null,
        nodes: [
          {
            title: '协调供应商',
            owners: ['张三'],
            signMode: 'all',
            kind: 'action',
            parallel: false,
            deadlineText: '明天18:00',
          },
          {
            title: '费用审批',
            owners: ['财务部', '行政部'],
            signMode: 'any',
            kind: 'approval',
            parallel: true,
            deadlineText: '2小时内',
          },
        ],
      },
      '/任务 【紧急】办公室空调维修\n协调供应商 @张三 明天18:00\n+ 费用审批 @财务部 @行政部 2小时内 审批 或签',
    ],
  ])('formats %j', (value, text) => {
    expect(formatCommand(value)).toBe(text);
    expect(parse(text)).toEqual(value);
  });

  it('gives back the command when its text is parsed', () => {
    fc.assert(
      fc.property(command, (value) => {
        expect(parse(formatCommand(value))).toEqual(value);
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads the same command from full-width input', () => {
    fc.assert(
      fc.property(command, (value) => {
        const outcome = parseCommand(toFullWidth(formatCommand(value)));
        expect(outcome).toEqual({ kind: 'command', command: value });
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads the same command from CRLF input with a bot mention', () => {
    fc.assert(
      fc.property(command, (value) => {
        const text = `@接力 ${formatCommand(value).replace(/\n/g, '\r\n')}\r\n`;
        expect(parseCommand(text, { botNames: ['接力'] })).toEqual({
          kind: 'command',
          command: value,
        });
      }),
      { numRuns: 1_000 },
    );
  });
});
