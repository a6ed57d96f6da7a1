import { describe, expect, it } from 'vitest';
import type { TaskRef } from '../../../../src/domain/command/command.types.js';
import {
  formatRef,
  requireNodeRef,
  requireRef,
  requireWholeTaskRef,
  takeRef,
} from '../../../../src/domain/command/command-ref.parser.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';

const t = (task: number, node: number | null = null): TaskRef => ({ task, node });

describe('takeRef', () => {
  it.each<[string, TaskRef | null, string]>([
    ['#12', t(12), ''],
    ['#12.2', t(12, 2), ''],
    ['#12.2 好了', t(12, 2), '好了'],
    ['#12.2好了', t(12, 2), '好了'],
    ['#12.2，好了', t(12, 2), '，好了'],
    ['#12,好了', t(12), ',好了'],
    ['任务12', t(12), ''],
    ['任务12.3 好了', t(12, 3), '好了'],
    ['任务#12', t(12), ''],
    ['12.2', t(12, 2), ''],
    ['12.2 好了', t(12, 2), '好了'],
    ['12', t(12), ''],
    ['  12  ', t(12), ''],
    ['12 好了', null, '12 好了'],
    ['12台 好了', null, '12台 好了'],
    ['1.5 小时搞定', t(1, 5), '小时搞定'],
    ['@李四 #12.2 出差', t(12, 2), '@李四 出差'],
    ['@李四 @王五 #12.2', t(12, 2), '@李四 @王五'],
    ['出差 #12.2', null, '出差 #12.2'],
    ['任务 12', null, '任务 12'],
    ['任务完成了', null, '任务完成了'],
    ['', null, ''],
    ['#1', t(1), ''],
    ['#999999999', t(999_999_999), ''],
    ['#1.999', t(1, 999), ''],
    ['#0001', t(1), ''],
    ['0', null, '0'],
    ['0.1', null, '0.1'],
    ['1.0', null, '1.0'],
  ])('%j', (body, ref, rest) => {
    expect(takeRef('done', body)).toEqual({ ref, rest });
  });

  it.each([
    ['#'],
    ['#x'],
    ['#0'],
    ['#0.1'],
    ['#1.0'],
    ['#12.'],
    ['#12..2'],
    ['#12.2.3'],
    ['#12-2'],
    ['#12/2'],
    ['#12#'],
    ['#12a'],
    ['#12_1'],
    ['#1234567890'],
    ['#1.1000'],
    ['#.2'],
    ['#紧急'],
    ['任务0'],
    ['任务12.'],
  ])('%j is a bad reference', (body) => {
    expect(() => takeRef('done', body)).toThrowError(
      expect.objectContaining({ code: 'command.bad_ref' }),
    );
  });
});

describe('reference requirements', () => {
  it('requires a reference', () => {
    expect(requireRef('cancel', t(3, 1))).toEqual(t(3, 1));
    expect(() => requireRef('cancel', null)).toThrow(DomainError);
  });

  it('requires a node', () => {
    expect(requireNodeRef('sendback', t(3, 1))).toEqual(t(3, 1));
    expect(() => requireNodeRef('sendback', t(3))).toThrowError(
      expect.objectContaining({ code: 'command.missing_node' }),
    );
    expect(() => requireNodeRef('sendback', null)).toThrowError(
      expect.objectContaining({ code: 'command.missing_ref' }),
    );
  });

  it('requires a whole task', () => {
    expect(requireWholeTaskRef('cc', t(3))).toEqual(t(3));
    expect(() => requireWholeTaskRef('cc', t(3, 1))).toThrowError(
      expect.objectContaining({ code: 'command.whole_task_ref' }),
    );
  });

  it.each<[TaskRef, string]>([
    [t(12), '#12'],
    [t(12, 2), '#12.2'],
  ])('formats %j as %s', (ref, text) => {
    expect(formatRef(ref)).toBe(text);
  });
});
