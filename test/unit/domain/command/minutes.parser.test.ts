import { describe, expect, it } from 'vitest';
import type { ActionItemDraft, Command } from '../../../../src/domain/command/command.types.js';
import { MAX_ACTION_ITEMS } from '../../../../src/domain/command/minutes.parser.js';
import { errorOf, expectUsageError, parse } from './command.helpers.js';

type Minutes = Extract<Command, { kind: 'minutes' }>;

const item = (title: string, owners: string[], over: Partial<ActionItemDraft> = {}) => ({
  title,
  owners,
  signMode: 'all',
  kind: 'action',
  deadlineText: null,
  ...over,
});

function minutes(text: string): Minutes {
  const command = parse(text);
  if (command.kind !== 'minutes') throw new Error(`not minutes: ${command.kind}`);
  return command;
}

describe('/纪要: each bulleted line becomes a task', () => {
  it('reads minutes with several action items and notes', () => {
    expect(
      minutes(
        [
          '/纪要 双十一大促启动会',
          '时间：11月1日 14:00',
          '参会：@张三 @李四 市场部、销售部',
          '决议：销售额较去年提升30%',
          '- 提交推广方案 @张三 11月30日 15:00',
          '- 确认物流方案 @供应链部 周五前',
          '- 核对库存 @仓储部 @采购部 明天 或签',
          '- 准备物料 @行政部',
        ].join('\n'),
      ),
    ).toEqual({
      kind: 'minutes',
      title: '双十一大促启动会',
      items: [
        item('提交推广方案', ['张三'], { deadlineText: '11月30日 15:00' }),
        item('确认物流方案', ['供应链部'], { deadlineText: '周五前' }),
        item('核对库存', ['仓储部', '采购部'], { signMode: 'any', deadlineText: '明天' }),
        item('准备物料', ['行政部']),
      ],
      notes: [
        '时间：11月1日 14:00',
        '参会：@张三 @李四 市场部、销售部',
        '决议：销售额较去年提升30%',
      ],
    });
  });

  it.each<[string, string]>([
    ['dash bullets', '/纪要 周例会\n- 确认场地 @张三 周五前\n- 发通知 @李四 明天'],
    ['star bullets', '/纪要 周例会\n* 确认场地 @张三 周五前\n* 发通知 @李四 明天'],
    ['dot bullets', '/纪要 周例会\n• 确认场地 @张三 周五前\n• 发通知 @李四 明天'],
    ['numbers with a dot', '/纪要 周例会\n1. 确认场地 @张三 周五前\n2. 发通知 @李四 明天'],
    ['numbers with 、', '/纪要 周例会\n1、确认场地 @张三 周五前\n2、发通知 @李四 明天'],
    ['numbers with a parenthesis', '/纪要 周例会\n1) 确认场地 @张三 周五前\n2）发通知 @李四 明天'],
    ['English name', '/minutes 周例会\n- 确认场地 @张三 周五前\n- 发通知 @李四 明天'],
    ['one line with ；', '/纪要 周例会；- 确认场地 @张三 周五前；- 发通知 @李四 明天'],
    ['title on the next line', '/纪要\n周例会\n- 确认场地 @张三 周五前\n- 发通知 @李四 明天'],
    ['CRLF', '/纪要 周例会\r\n- 确认场地 @张三 周五前\r\n- 发通知 @李四 明天\r\n'],
    ['full-width', '／纪要　周例会\n－　确认场地　＠张三　周五前\n－　发通知　＠李四　明天'],
    ['bot mention', '@Baton /纪要 周例会\n- 确认场地 @张三 周五前\n- 发通知 @李四 明天'],
  ])('%s', (_name, text) => {
    expect(minutes(text)).toEqual({
      kind: 'minutes',
      title: '周例会',
      items: [
        item('确认场地', ['张三'], { deadlineText: '周五前' }),
        item('发通知', ['李四'], { deadlineText: '明天' }),
      ],
      notes: [],
    });
  });

  it('keeps an approval item as an approval', () => {
    expect(minutes('/纪要 周例会\n- 预算审批 @财务部 周五前 审批').items).toEqual([
      item('预算审批', ['财务部'], { kind: 'approval', deadlineText: '周五前' }),
    ]);
  });

  it.each<[string, string]>([
    ['/纪要', 'command.missing_title'],
    ['/纪要\n- 确认场地 @张三 周五前', 'command.missing_title'],
    ['/纪要 周例会', 'command.no_items'],
    ['/纪要 周例会\n参会：张三、李四', 'command.no_items'],
    ['/纪要 周例会\n确认场地 @张三 周五前', 'command.no_items'],
    ['/纪要 周例会\n- 确认场地 周五前', 'command.node_without_owner'],
    ['/纪要 周例会\n- @张三 周五前', 'command.node_without_title'],
    [`/纪要 ${'会'.repeat(101)}\n- 确认场地 @张三`, 'command.title_too_long'],
    [
      `/纪要 周例会\n${Array.from({ length: MAX_ACTION_ITEMS + 1 }, (_, i) => `- 事项${i} @张三`).join('\n')}`,
      'command.too_many_items',
    ],
  ])('%s → %s', (text, code) => {
    expectUsageError(text, code, 'minutes');
  });

  it('hints at the bullet when item lines lack one', () => {
    expect(errorOf('/纪要 周例会\n确认场地 @张三 周五前').userMessage).toContain('以 - 开头');
  });

  it('names the faulty item', () => {
    expect(errorOf('/纪要 周例会\n- 确认场地 @张三\n- 发通知 明天').userMessage).toContain(
      '第 2 项「发通知 明天」',
    );
  });
});
