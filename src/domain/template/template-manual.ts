import type { Template } from './template.schema.js';

/** What people type after `/流程` to start a template: its first alias, or its name. */
export function flowNameOf(template: Template): string {
  return template.aliases[0] ?? template.name;
}

/**
 * A filled-in example of a template: every required field with its example value (`…` where
 * the template gives none), e.g. `/流程 采购 物品=笔记本电脑 数量=3`.
 */
export function templateExample(template: Template): string {
  const fields = template.fields
    .filter((f) => f.required)
    .map((f) => `${f.name}=${f.example ?? '…'}`);
  return [`/流程 ${flowNameOf(template)}`, ...fields].join(' ');
}

/**
 * One template as `/流程` and `/帮助 流程` list it: how to call it and its steps (`＋` joins
 * steps that run at the same time), its required and optional fields, and an example.
 */
export function templateEntry(template: Template): string[] {
  const required = template.fields.filter((f) => f.required).map((f) => f.name);
  const optional = template.fields.filter((f) => !f.required).map((f) => f.name);
  const fields = [
    required.length > 0 ? `必填：${required.join('、')}` : null,
    optional.length > 0 ? `选填：${optional.join('、')}` : null,
  ].filter((part) => part !== null);
  return [
    `【${template.name}】/流程 ${flowNameOf(template)}：${stepsOf(template)}`,
    ...(fields.length > 0 ? [`　${fields.join('；')}`] : []),
    `　例：${templateExample(template)}`,
  ];
}

/** Every template of the deployment, for `/流程` alone and `/帮助 流程`. */
export function templateListing(templates: readonly Template[]): string[] {
  if (templates.length === 0) return ['本组织还没有流程模板。'];
  return ['可用的流程模板（＋ 表示同时进行）：', ...templates.flatMap(templateEntry)];
}

function stepsOf(template: Template): string {
  const groups: string[][] = [];
  for (const node of template.nodes) {
    const last = groups.at(-1);
    if (node.parallel && last) last.push(node.title);
    else groups.push([node.title]);
  }
  return groups.map((group) => group.join('＋')).join('→');
}
