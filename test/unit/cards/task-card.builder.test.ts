import { describe, expect, it } from 'vitest';
import type { CardContext } from '../../../cards/card-context.js';
import { taskCard } from '../../../cards/task-card.builder.js';
import { aNode, aTask, calendar, NAMES, T0 } from '../domain/builders.js';

const DEPARTMENTS: Record<string, string> = {
  zhangsan: '后勤部',
  wangwu: '后勤部',
  lisi: '财务部',
  qianqi: '财务部',
};

const context: CardContext = {
  now: T0,
  calendar,
  nameOf: (id) => NAMES[id] ?? id,
  departmentOf: (id) => DEPARTMENTS[id] ?? null,
  publicUrl: 'http://baton.test',
};

describe('taskCard steps', () => {
  it.each<[string, string[], string]>([
    ['one owner', ['zhangsan'], '张三（后勤部）'],
    ['a run of one department named once', ['zhangsan', 'wangwu'], '张三、王五（后勤部）'],
    ['each department', ['zhangsan', 'lisi'], '张三（后勤部）、李四（财务部）'],
    ['no department', ['zhengyi', 'lisi'], '郑一、李四（财务部）'],
  ])('names the owners with their departments: %s', (_what, owners, text) => {
    const task = aTask({ nodes: [aNode({ id: 'n1', owners })] });
    expect(taskCard(task, context).steps[0]?.owners).toBe(text);
  });

  it('says which steps run at the same time', () => {
    // n1 → n2 ∥ n3 → n4
    const steps = taskCard(aTask(), context).steps;
    expect(steps.map((s) => s.parallelWith)).toEqual([[], ['#12.3'], ['#12.2'], []]);
  });

  it('shows the inputs and outputs of the steps under way only', () => {
    const fields = { 输入: '需求申请单、库存台账', 输出: '审核结果', 物品: '笔' };
    const task = aTask({
      nodes: [
        aNode({ id: 'n1', fields }),
        aNode({ id: 'n2', fields: { 输出: '采购订单' } }),
        aNode({ id: 'n3', fields: { 输出: '采购订单' }, parallel: true }),
        aNode({ id: 'n4' }),
      ],
    });
    const withSecond = aTask({ nodes: [aNode({ id: 'n1', fields: { 输出: '采购订单' } })] });
    expect(taskCard(task, context).steps.map((s) => s.details)).toEqual([
      '输入：需求申请单、库存台账；输出：审核结果',
      null,
      null,
      null,
    ]);
    expect(taskCard(withSecond, context).steps[0]?.details).toBe('输出：采购订单');
  });
});
