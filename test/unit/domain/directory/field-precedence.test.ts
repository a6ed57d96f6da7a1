import { describe, expect, it } from 'vitest';
import type { DirectorySource } from '../../../../src/domain/directory/directory.types.js';
import { mergeFields, outranks } from '../../../../src/domain/directory/field-precedence.js';

type Fields = { name: string; liaisonId: string | null };
const row = (liaisonId: string | null, source?: DirectorySource) => ({
  fields: { name: '后勤部', liaisonId } as Fields,
  fieldSources: { name: 'dingtalk', ...(source ? { liaisonId: source } : {}) } as const,
});

describe('outranks: org file > chat > platforms', () => {
  it.each([
    ['org-file', 'chat', true],
    ['org-file', 'dingtalk', true],
    ['chat', 'wecom', true],
    ['chat', 'org-file', false],
    ['dingtalk', 'wecom', false],
    ['wecom', 'wecom', false],
    [undefined, 'dingtalk', false],
  ] as const)('%s held, %s writes: kept = %s', (holder, writer, kept) => {
    expect(outranks(holder, writer)).toBe(kept);
  });
});

describe('mergeFields', () => {
  it.each([
    // current liaison, its source, writer, written value, expected liaison, expected source, held
    ['zhangsan', 'org-file', 'chat', 'lisi', 'zhangsan', 'org-file', true],
    ['zhangsan', 'org-file', 'dingtalk', 'lisi', 'zhangsan', 'org-file', true],
    ['zhangsan', 'chat', 'dingtalk', null, 'zhangsan', 'chat', true],
    ['zhangsan', 'chat', 'org-file', 'lisi', 'lisi', 'org-file', false],
    ['zhangsan', 'dingtalk', 'chat', 'lisi', 'lisi', 'chat', false],
    [null, undefined, 'dingtalk', 'lisi', 'lisi', 'dingtalk', false],
    ['zhangsan', 'dingtalk', 'dingtalk', null, null, 'dingtalk', false],
  ] as const)(
    '%s (%s) written by %s as %s → %s (%s)',
    (current, source, writer, value, liaison, expectedSource, held) => {
      const merged = mergeFields(row(current, source), writer, { liaisonId: value });
      expect(merged.fields.liaisonId).toBe(liaison);
      expect(merged.fieldSources.liaisonId).toBe(expectedSource);
      expect(merged.heldBy.length > 0).toBe(held);
      expect(merged.fields.name).toBe('后勤部');
    },
  );

  it('a value the same source writes again is no change', () => {
    expect(mergeFields(row('zhangsan', 'chat'), 'chat', { liaisonId: 'zhangsan' }).changed).toEqual(
      [],
    );
  });

  it('an undefined value means no say, not null', () => {
    const merged = mergeFields(row('zhangsan', 'dingtalk'), 'dingtalk', { liaisonId: undefined });
    expect(merged.fields.liaisonId).toBe('zhangsan');
    expect(merged.changed).toEqual([]);
  });

  it('releasing clears only what the writer itself set', () => {
    const own = mergeFields(row('zhangsan', 'org-file'), 'org-file', {}, ['liaisonId']);
    expect(own.fields.liaisonId).toBeNull();
    expect(own.fieldSources.liaisonId).toBeUndefined();
    expect(own.changed).toEqual(['liaisonId']);
    const other = mergeFields(row('zhangsan', 'chat'), 'org-file', {}, ['liaisonId']);
    expect(other.fields.liaisonId).toBe('zhangsan');
    expect(other.changed).toEqual([]);
  });
});
