import { describe, expect, it } from 'vitest';
import type { Card, CardStep } from '../../../cards/card.types.js';
import { renderCardAsMarkdown } from '../../../cards/render/markdown.render.js';

const card: Card = {
  key: 'task-1',
  tone: 'warning',
  title: '#12 办公室空调维修',
  subtitle: '发起人：郑一',
  fields: [{ label: '优先级', value: '普通' }],
  steps: [
    {
      ref: '#12.1',
      title: '协调供应商',
      owners: '张三',
      deadline: '明天 18:00',
      parallelWith: [],
      details: null,
      state: 'done',
      stateText: '已完成',
    },
    {
      ref: '#12.2',
      title: '费用审批',
      owners: '李四',
      deadline: '今天 17:00',
      parallelWith: [],
      details: null,
      state: 'late',
      stateText: '已超时 1小时',
    },
  ],
  note: '请尽快审批\n谢谢',
  actions: [
    {
      actionId: 'node.approve',
      label: '同意',
      style: 'primary',
      value: { node: '12.2' },
      command: '/同意 #12.2',
    },
    {
      actionId: 'node.reject',
      label: '驳回',
      style: 'danger',
      value: { node: '12.2' },
      command: '/驳回 #12.2 <原因>',
    },
  ],
  link: { label: '在控制台查看', url: 'http://127.0.0.1:3000/tasks/tsk_1' },
  mentions: ['lisi'],
};

describe('renderCardAsMarkdown', () => {
  it('keeps every part of the card and turns buttons into commands', () => {
    expect(renderCardAsMarkdown(card)).toEqual({
      title: '#12 办公室空调维修',
      markdown: [
        '### #12 办公室空调维修',
        '发起人：郑一',
        '**优先级**：普通',
        '',
        '✅ #12.1 协调供应商 · 张三 · 截止 明天 18:00 · 已完成',
        '🔴 #12.2 费用审批 · 李四 · 截止 今天 17:00 · 已超时 1小时',
        '',
        '> 请尽快审批\n> 谢谢',
        '',
        '可回复：`/同意 #12.2`  `/驳回 #12.2 <原因>`',
        '',
        '[在控制台查看](http://127.0.0.1:3000/tasks/tsk_1)',
      ].join('\n'),
    });
  });

  it('says which steps run at the same time and what an open one takes and gives', () => {
    const [done, late] = card.steps as [CardStep, CardStep];
    const steps: CardStep[] = [
      { ...done, parallelWith: ['#12.2'] },
      { ...late, parallelWith: ['#12.1'], details: '输入：维修报价；输出：审批结果' },
    ];
    expect(renderCardAsMarkdown({ ...card, steps }).markdown).toContain(
      [
        '✅ #12.1 协调供应商（与 #12.2 同时进行） · 张三 · 截止 明天 18:00 · 已完成',
        '🔴 #12.2 费用审批（与 #12.1 同时进行） · 李四 · 截止 今天 17:00 · 已超时 1小时',
        '　　输入：维修报价；输出：审批结果',
      ].join('\n'),
    );
  });

  it('leaves out the parts a card does not have', () => {
    const bare = {
      ...card,
      subtitle: null,
      fields: [],
      steps: [],
      note: null,
      actions: [],
      link: null,
    };
    expect(renderCardAsMarkdown(bare).markdown).toBe('### #12 办公室空调维修');
  });
});
