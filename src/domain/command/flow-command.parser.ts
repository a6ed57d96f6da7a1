import { clip, commandError } from './command.errors.js';
import type { Command } from './command.types.js';
import { isUrgentMarker } from './task-title.parser.js';

export const MAX_FIELDS = 30;

const SEPARATORS = /[\s,，;；]+/y;
/**
 * `key=value`, `key：value`, `key="value with spaces"` (also “…” and 「…」). The key touches
 * its `=`, so in `/流程 采购 =x` the template is not taken for a key.
 */
const FIELD =
  /([^\s=:：,，;；"“”「」]+)[=:：]\s*(?:"([^"]*)"|“([^”]*)”|「([^」]*)」|([^\s=,，;；"“”「」]+))/y;
const WORD = /[^\s,，;；]+/y;

/**
 * `/流程 <template> [紧急] key=value …`; `/流程` alone asks for the templates there are. Fields
 * are separated by spaces, commas or `；`, may use `=`, `:` or `：`, and quote values that hold
 * spaces. Values are kept as written.
 */
export function parseStartFlow(args: string): Command {
  if (args.trim() === '') return { kind: 'help', topic: 'start-flow' };
  let template: string | null = null;
  let urgent = false;
  const fields = new Map<string, string>();
  for (const token of tokens(args)) {
    if (token.kind === 'field') {
      addField(fields, token.key, token.value);
    } else if (isUrgentMarker(token.word)) {
      urgent = true;
    } else if (template === null && fields.size === 0) {
      template = token.word;
    } else {
      throw commandError(
        'start-flow',
        'bad_field',
        `「${clip(token.word)}」看不懂：字段请写成 名称=值，值里有空格时用引号括起来。`,
      );
    }
  }
  if (template === null) {
    throw commandError(
      'start-flow',
      'missing_template',
      '请写上流程模板的名称，例如：/流程 采购 物品=笔记本电脑 数量=3。只写 /流程 可以查看全部模板。',
    );
  }
  return { kind: 'start-flow', template, urgent, fields: Object.fromEntries(fields) };
}

type Token = { kind: 'field'; key: string; value: string } | { kind: 'word'; word: string };

function* tokens(text: string): Generator<Token> {
  let at = 0;
  while (at < text.length) {
    SEPARATORS.lastIndex = at;
    if (SEPARATORS.exec(text)) at = SEPARATORS.lastIndex;
    if (at >= text.length) return;
    FIELD.lastIndex = at;
    const field = FIELD.exec(text);
    if (field) {
      at = FIELD.lastIndex;
      const value = field[2] ?? field[3] ?? field[4] ?? field[5] ?? '';
      yield { kind: 'field', key: field[1] ?? '', value: value.trim() };
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0] ?? text.slice(at);
    at += word.length;
    yield { kind: 'word', word };
  }
}

function addField(fields: Map<string, string>, key: string, value: string): void {
  if (value === '') {
    throw commandError('start-flow', 'empty_field', `字段「${clip(key)}」没有写值。`);
  }
  if (fields.has(key)) {
    throw commandError('start-flow', 'duplicate_field', `字段「${clip(key)}」写了两次。`);
  }
  if (fields.size >= MAX_FIELDS) {
    throw commandError('start-flow', 'too_many_fields', `一个流程最多 ${MAX_FIELDS} 个字段。`);
  }
  fields.set(key, value);
}
