import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../src/domain/template/template.schema.js';
import {
  combineTemplates,
  findTemplate,
} from '../../../../src/domain/template/template-catalog.models.js';
import { aTemplateObject, shippedTemplates } from './template.fixtures.js';

const templates = shippedTemplates();

describe('findTemplate', () => {
  it.each([
    ['procurement', 'procurement'],
    ['采购', 'procurement'],
    ['物资采购', 'procurement'],
    ['PURCHASE', 'procurement'],
    [' 活动筹备 ', 'event-prep'],
    ['活动', 'event-prep'],
    ['设备维修', 'equipment-repair'],
    ['报修', 'equipment-repair'],
    ['突发事件', 'incident'],
    ['ｉｎｃｉｄｅｎｔ', 'incident'],
  ])('%s → %s', (name, key) => {
    expect(findTemplate(templates, name).key).toBe(key);
  });

  it('names the flows there are when none matches', () => {
    expect(() => findTemplate(templates, '报销')).toThrow(
      /没有「报销」这个流程。可用的流程：设备维修、活动筹备、突发事件、采购。/,
    );
  });

  it('says so when there are no templates at all', () => {
    expect(() => findTemplate([], '采购')).toThrow(/还没有流程模板/);
  });
});

describe('combineTemplates', () => {
  const own = (over: Record<string, unknown>) => parseTemplate(aTemplateObject(over));

  it('offers the built-in templates when the org has none', () => {
    expect(combineTemplates([], templates).map((t) => t.key)).toEqual(templates.map((t) => t.key));
  });

  it('puts the org’s own first; one with a built-in key replaces the built-in', () => {
    const mine = own({ key: 'procurement', name: '我们的采购', aliases: ['采购'] });
    const combined = combineTemplates([mine, own({})], templates);
    expect(combined.map((t) => t.key)).toEqual([
      'procurement',
      'demo',
      'equipment-repair',
      'event-prep',
      'incident',
    ]);
    expect(findTemplate(combined, '采购').name).toBe('我们的采购');
  });

  it.each([
    [
      'an alias of a built-in',
      { key: 'other', name: '其他', aliases: ['采购'] },
      /「other」和「procurement」都叫「采购」/,
    ],
    [
      'a name equal to a built-in’s alias',
      { key: 'other', name: '维修', aliases: [] },
      /「other」和「equipment-repair」都叫「维修」/,
    ],
  ])('refuses an own template taking %s', (_name, over, message) => {
    expect(() => combineTemplates([own(over)], templates)).toThrow(message);
  });

  it('refuses two own templates with one alias', () => {
    expect(() => combineTemplates([own({}), own({ key: 'demo-2', name: '演示二' })], [])).toThrow(
      /「demo」和「demo-2」都叫「演示」/,
    );
  });

  it('a template may repeat its own name as an alias', () => {
    expect(() => combineTemplates([own({ aliases: ['演示流程'] })], [])).not.toThrow();
  });
});
