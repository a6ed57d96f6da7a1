import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseTemplate, type Template } from '../../../../src/domain/template/template.schema.js';

const TEMPLATES = new URL('../../../../templates/', import.meta.url);

/** The built-in templates as shipped in `templates/*.yaml`, parsed. */
export function shippedTemplates(): Template[] {
  return readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseTemplate(parse(readFileSync(new URL(f, TEMPLATES), 'utf8')), f));
}

/** A small valid template object (as YAML would give it), to vary in tests. */
export function aTemplateObject(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key: 'demo',
    name: '演示流程',
    aliases: ['演示'],
    fields: [{ name: '事项', required: true }],
    title: '演示：{事项}',
    nodes: [
      { title: '处理', owner: 'dept:logistics', deadline: '2个工作小时' },
      { title: '审批', owner: 'dept:finance', kind: 'approval', deadline: '1个工作日内' },
    ],
    ...over,
  };
}
