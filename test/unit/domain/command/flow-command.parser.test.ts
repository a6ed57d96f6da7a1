import { describe, expect, it } from 'vitest';
import { MAX_FIELDS } from '../../../../src/domain/command/flow-command.parser.js';
import { expectUsageError, parse } from './command.helpers.js';

describe('/流程: a template and key=value fields', () => {
  it.each<[string, string, Record<string, string>, boolean]>([
    [
      '/流程 采购 物品=笔记本电脑 数量=3 活动日期=2026-12-20',
      '采购',
      { 物品: '笔记本电脑', 数量: '3', 活动日期: '2026-12-20' },
      false,
    ],
    ['/flow 采购 物品=笔记本电脑', '采购', { 物品: '笔记本电脑' }, false],
    ['/流程 采购', '采购', {}, false],
    ['/流程 采购 物品：打印纸', '采购', { 物品: '打印纸' }, false],
    ['/流程 采购 物品:打印纸', '采购', { 物品: '打印纸' }, false],
    ['/流程 采购 物品= 打印纸', '采购', { 物品: '打印纸' }, false],
    ['/流程 采购 物品＝打印纸', '采购', { 物品: '打印纸' }, false],
    ['/流程 采购 物品=打印纸，数量=20', '采购', { 物品: '打印纸', 数量: '20' }, false],
    ['/流程 采购 物品=打印纸；数量=20', '采购', { 物品: '打印纸', 数量: '20' }, false],
    ['/流程 采购\n物品=打印纸\n数量=20', '采购', { 物品: '打印纸', 数量: '20' }, false],
    ['/流程 采购 备注="A4 白色"', '采购', { 备注: 'A4 白色' }, false],
    ['/流程 采购 备注=“A4 白色”', '采购', { 备注: 'A4 白色' }, false],
    ['/流程 采购 备注=「A4 白色」', '采购', { 备注: 'A4 白色' }, false],
    ['/流程 采购 备注＝＂A4 白色＂', '采购', { 备注: 'A4 白色' }, false],
    ['/流程 采购 备注="说 \'你好\'"', '采购', { 备注: "说 'you'".replace('you', '你好') }, false],
    ['/流程 活动筹备 时间=14:00', '活动筹备', { 时间: '14:00' }, false],
    ['/流程 活动筹备 时间：14:00', '活动筹备', { 时间: '14:00' }, false],
    ['/流程 活动筹备 时间=14：00', '活动筹备', { 时间: '14:00' }, false],
    ['/流程 突发事件 紧急 地点=机房', '突发事件', { 地点: '机房' }, true],
    ['/流程 紧急 突发事件 地点=机房', '突发事件', { 地点: '机房' }, true],
    ['/流程 【紧急】 突发事件 地点=机房', '突发事件', { 地点: '机房' }, true],
    ['/流程 突发事件 地点=机房 urgent', '突发事件', { 地点: '机房' }, true],
    ['/流程 采购 item=laptop qty=3', '采购', { item: 'laptop', qty: '3' }, false],
    [
      '/流程 采购 __proto__=x constructor=y',
      '采购',
      { ['__proto__']: 'x', constructor: 'y' },
      false,
    ],
  ])('%s', (text, template, fields, urgent) => {
    const command = parse(text);
    expect(command).toEqual({ kind: 'start-flow', template, urgent, fields });
  });

  it('keeps the fields in the order written', () => {
    const command = parse('/流程 采购 c=1 a=2 b=3');
    expect(command.kind === 'start-flow' && Object.keys(command.fields)).toEqual(['c', 'a', 'b']);
  });

  it.each(['/流程', '/流程  ', '/flow'])('%s alone asks for the list of templates', (text) => {
    expect(parse(text)).toEqual({ kind: 'help', topic: 'start-flow' });
  });

  it.each<[string, string]>([
    ['/流程 物品=笔记本电脑', 'command.missing_template'],
    ['/流程 紧急', 'command.missing_template'],
    ['/流程 采购 笔记本电脑', 'command.bad_field'],
    ['/流程 采购 物品=笔记本电脑 3台', 'command.bad_field'],
    ['/流程 采购 物品="笔记本 电脑', 'command.bad_field'],
    ['/流程 采购 =笔记本电脑', 'command.bad_field'],
    ['/流程 采购 物品 = 笔记本电脑', 'command.bad_field'],
    ['/流程 采购 物品=', 'command.bad_field'],
    ['/流程 采购 物品=""', 'command.empty_field'],
    ['/流程 采购 物品=笔记本 物品=台式机', 'command.duplicate_field'],
    [
      `/流程 采购 ${Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `f${i}=v`).join(' ')}`,
      'command.too_many_fields',
    ],
  ])('%s → %s', (text, code) => {
    expectUsageError(text, code, 'start-flow');
  });
});
