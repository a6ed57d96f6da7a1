import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../src/domain/template/template.schema.js';
import {
  templateEntry,
  templateExample,
  templateListing,
} from '../../../../src/domain/template/template-manual.js';
import { aTemplateObject, shippedTemplates } from './template.fixtures.js';

const template = (over: Record<string, unknown>) => parseTemplate(aTemplateObject(over));

describe('templateEntry', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'required and optional fields, an example from the example values',
      {
        fields: [
          { name: '事项', required: true, example: '换灯泡' },
          { name: '地点', required: true },
          { name: '备注' },
        ],
      },
      [
        '【演示流程】/流程 演示：处理→审批',
        '　必填：事项、地点；选填：备注',
        '　例：/流程 演示 事项=换灯泡 地点=…',
      ],
    ],
    [
      'no fields at all',
      { fields: [], title: '演示' },
      ['【演示流程】/流程 演示：处理→审批', '　例：/流程 演示'],
    ],
    [
      'steps run at the same time joined by ＋, no alias: the name',
      {
        aliases: [],
        nodes: [
          { title: '甲', owner: 'requester', deadline: '1小时内' },
          { title: '乙', owner: 'requester', deadline: '1小时内', parallel: true },
          { title: '丙', owner: 'requester', deadline: '1小时内' },
          { title: '丁', owner: 'requester', deadline: '1小时内', parallel: true },
        ],
      },
      ['【演示流程】/流程 演示流程：甲＋乙→丙＋丁', '　必填：事项', '　例：/流程 演示流程 事项=…'],
    ],
  ])('%s', (_name, over, lines) => {
    expect(templateEntry(template(over))).toEqual(lines);
  });
});

describe('templateListing', () => {
  it('names every template once', () => {
    const templates = shippedTemplates();
    const text = templateListing(templates).join('\n');
    for (const t of templates) expect(text.split(`【${t.name}】`)).toHaveLength(2);
  });

  it('says when there is none', () => {
    expect(templateListing([])).toEqual(['本组织还没有流程模板。']);
  });

  it('gives every shipped required field an example value', () => {
    for (const t of shippedTemplates()) expect(templateExample(t)).not.toContain('…');
  });
});
