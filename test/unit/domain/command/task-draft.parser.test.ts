import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/domain/command/command.parser.js';
import type { Command, NodeDraft } from '../../../../src/domain/command/command.types.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';

const parse = (text: string): Command => {
  const outcome = parseCommand(text, { botNames: ['接力'] });
  if (outcome.kind !== 'command') throw new Error('not a command');
  return outcome.command;
};
const node = (over: Partial<NodeDraft>): NodeDraft => ({
  title: '',
  owners: [],
  signMode: 'all',
  kind: 'action',
  parallel: false,
  deadlineText: null,
  ...over,
});

describe('/任务', () => {
  it('reads the example of the product brief', () => {
    expect(
      parse(
        '/任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
      ),
    ).toEqual({
      kind: 'create-task',
      title: '办公室空调维修',
      urgent: false,
      eventDateText: null,
      nodes: [
        node({ title: '协调供应商', owners: ['张三'], deadlineText: '明天18:00' }),
        node({ title: '费用审批', owners: ['财务部'], kind: 'approval', deadlineText: '2小时内' }),
        node({ title: '现场配合', owners: ['王五'], parallel: true, deadlineText: '周五前' }),
      ],
    });
  });

  it.each<[string, string, Partial<Extract<Command, { kind: 'create-task' }>>]>([
    [
      'one line with ；',
      '/任务 修空调；联系供应商 @张三 明天；审批 @财务部 2小时内 审批',
      { title: '修空调' },
    ],
    [
      'one line with ;',
      '/task 修空调; 联系供应商 @张三 明天; 审批 @财务部 2小时内 审批',
      { title: '修空调' },
    ],
    [
      'full-width',
      '／任务　修空调；联系供应商　＠张三　明天；审批　＠财务部　２小时内　审批',
      { title: '修空调' },
    ],
  ])('%s', (_name, text, expected) => {
    const command = parse(text);
    expect(command).toMatchObject(expected);
    if (command.kind !== 'create-task') return;
    expect(command.nodes.map((n) => [n.title, n.owners, n.deadlineText, n.kind])).toEqual([
      ['联系供应商', ['张三'], '明天', 'action'],
      ['审批', ['财务部'], '2小时内', 'approval'],
    ]);
  });

  it.each([
    ['紧急 修空调', true, '修空调'],
    ['【紧急】修空调', true, '修空调'],
    ['修空调 urgent', true, '修空调'],
    ['[urgent] fix AC', true, 'fix AC'],
    ['修空调 加急', true, '修空调'],
    ['修空调', false, '修空调'],
  ])('title %s → urgent %s', (title, urgent, clean) => {
    expect(parse(`/任务 ${title}\n联系 @张三 明天`)).toMatchObject({ urgent, title: clean });
  });

  it.each([
    ['年会 活动日期=2026-12-20', '2026-12-20'],
    ['年会 活动:12月20日', '12月20日'],
    ['年会 活动：12月20日', '12月20日'],
    ['party event=2026-12-20', '2026-12-20'],
  ])('event date in %s', (title, date) => {
    expect(parse(`/任务 ${title}\n订餐 @陈十三 活动前3天`)).toMatchObject({
      title: title.split(' ')[0],
      eventDateText: date,
    });
  });

  it.each<[string, Partial<NodeDraft>]>([
    [
      '审批 @张三 @李四 会签 明天',
      { owners: ['张三', '李四'], signMode: 'all', deadlineText: '明天' },
    ],
    [
      '审批 @张三 @李四 或签 明天 审批',
      { owners: ['张三', '李四'], signMode: 'any', kind: 'approval', deadlineText: '明天' },
    ],
    ['审批 @张三 @李四', { owners: ['张三', '李四'], signMode: 'all', deadlineText: null }],
    ['审批 @张三 @张三 明天', { owners: ['张三'] }],
    ['联系 @张三 11月30日 15:00', { deadlineText: '11月30日 15:00' }],
    ['联系 @张三,明天', { owners: ['张三'], deadlineText: '明天' }],
    ['联系@张三 明天', { title: '联系', owners: ['张三'] }],
    ['+联系 @张三 明天', { parallel: true }],
    [
      '采购 @sunba 3个工作日内 approval',
      { owners: ['sunba'], kind: 'approval', deadlineText: '3个工作日内' },
    ],
  ])('node line %s', (line, expected) => {
    const command = parse(`/任务 测试\n第一步 @郑一 明天\n${line}`);
    if (command.kind !== 'create-task') throw new Error('expected a task');
    expect(command.nodes[1]).toMatchObject(expected);
  });

  it.each([
    ['/任务 修空调\n联系供应商 明天', 'command.node_without_owner', '联系供应商 明天'],
    ['/任务 修空调\n@张三 明天', 'command.node_without_title', '@张三'],
    ['/任务 修空调\n+ 联系 @张三 明天', 'command.parallel_first', '+'],
    ['/任务 紧急\n联系 @张三 明天', 'command.missing_title', '标题'],
    [
      `/任务 很多\n${Array.from({ length: 31 }, (_, i) => `第${i}步 @张三`).join('\n')}`,
      'command.too_many_nodes',
      '30',
    ],
  ])('refuses %j', (text, code, mention) => {
    try {
      parse(text);
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(code);
      expect((err as DomainError).userMessage).toContain(mention);
      expect((err as DomainError).usage).toContain('/任务');
    }
  });
});

describe('/纪要', () => {
  it('turns each action item into a task draft', () => {
    expect(
      parse(
        '/纪要 项目启动会\n- 确认场地 @张三 周五前\n* 预算审批 @财务部 11月30日\n1. 通知供应商 @孙八\n2、安保方案 @冯十二 活动前1天',
      ),
    ).toEqual({
      kind: 'minutes',
      title: '项目启动会',
      items: [
        { title: '确认场地', owners: ['张三'], deadlineText: '周五前' },
        { title: '预算审批', owners: ['财务部'], deadlineText: '11月30日' },
        { title: '通知供应商', owners: ['孙八'], deadlineText: null },
        { title: '安保方案', owners: ['冯十二'], deadlineText: '活动前1天' },
      ],
    });
  });

  it('names the item without an owner', () => {
    expect(() => parse('/纪要 例会\n- 确认场地 周五前')).toThrow(/确认场地 周五前/);
  });
});
