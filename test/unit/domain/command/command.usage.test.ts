import { describe, expect, it } from 'vitest';
import type { CommandKind } from '../../../../src/domain/command/command.types.js';
import { COMMAND_USAGE, helpText } from '../../../../src/domain/command/command.usage.js';
import { COMMAND_MANUAL } from '../../../../src/domain/command/command-manual.catalog.js';
import { COMMAND_NAMES } from '../../../../src/domain/command/command-names.js';
import { shippedTemplates } from '../template/template.fixtures.js';
import { parse } from './command.helpers.js';

const KINDS = Object.keys(COMMAND_NAMES) as CommandKind[];
const EXAMPLES = KINDS.flatMap((kind) =>
  COMMAND_MANUAL[kind].examples.map((example) => [kind, example] as const),
);

describe('usage text', () => {
  it.each(EXAMPLES)('the %s example parses as that command: %s', (kind, example) => {
    expect(parse(example).kind).toBe(kind);
  });

  it.each(KINDS)('%s has a syntax line, a summary and at least one example', (kind) => {
    const entry = COMMAND_MANUAL[kind];
    expect(entry.syntax[0]).toMatch(new RegExp(`^/${COMMAND_NAMES[kind][0]}`));
    expect(entry.summary).toMatch(/[\u4e00-\u9fff]/);
    expect(entry.examples.length).toBeGreaterThan(0);
  });

  it.each(KINDS)('the usage of %s shows its syntax and every example', (kind) => {
    const usage = COMMAND_USAGE[kind];
    expect(usage.startsWith(`用法：${COMMAND_MANUAL[kind].syntax[0]}`)).toBe(true);
    for (const example of COMMAND_MANUAL[kind].examples) expect(usage).toContain(example);
  });

  it.each(KINDS)('the overview lists %s with its summary', (kind) => {
    expect(helpText(null)).toContain(
      `${COMMAND_MANUAL[kind].syntax[0]}　${COMMAND_MANUAL[kind].summary}`,
    );
  });

  it.each(KINDS)('the help for %s names all its names and shows its notes', (kind) => {
    const text = helpText(kind);
    for (const name of COMMAND_NAMES[kind]) expect(text).toContain(`/${name}`);
    for (const note of COMMAND_MANUAL[kind].notes) expect(text).toContain(note);
    expect(text).toContain(COMMAND_MANUAL[kind].examples[0]);
  });

  it('lists the templates it is given with the help for /流程', () => {
    const text = helpText('start-flow', shippedTemplates());
    for (const t of shippedTemplates()) expect(text).toContain(`【${t.name}】/流程 `);
    expect(helpText('start-flow', [])).toContain('本组织还没有流程模板。');
  });

  it('defaults to the overview', () => {
    expect(helpText()).toBe(helpText(null));
    expect(helpText()).toContain('/帮助 <命令>');
  });

  it('writes examples of several lines on their own lines', () => {
    expect(COMMAND_USAGE['create-task']).toContain('例：\n/任务 办公室空调维修\n协调供应商 @张三');
  });
});
