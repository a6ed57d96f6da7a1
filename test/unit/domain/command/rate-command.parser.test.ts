import { describe, expect, it } from 'vitest';
import type { CommandKind } from '../../../../src/domain/command/command.types.js';
import { expectUsageError, parse } from './command.helpers.js';

describe('/评分', () => {
  it.each<[string, number, number, string | null]>([
    ['/评分 #12 5 很及时', 12, 5, '很及时'],
    ['/rate #7 3', 7, 3, null],
    ['/评分 #12 5分 很及时', 12, 5, '很及时'],
    ['/评分 #12 5 分 很及时', 12, 5, '很及时'],
    ['/评分 #12 4星', 12, 4, null],
    ['/评分 #12 1，太慢了', 12, 1, '太慢了'],
    ['/评分 #12 2分，太慢了', 12, 2, '太慢了'],
    ['/评分 12 5 很及时', 12, 5, '很及时'],
    ['/评分 12 5', 12, 5, null],
    ['/评分 ＃１２ ５ 很及时', 12, 5, '很及时'],
    ['/评分 #12 5 很及时\n下次也这样', 12, 5, '很及时\n下次也这样'],
  ])('%s', (text, task, score, comment) => {
    expect(parse(text)).toEqual({ kind: 'rate', ref: { task, node: null }, score, comment });
  });

  it.each<[string, string, CommandKind]>([
    ['/评分 #12 6', 'command.bad_score', 'rate'],
    ['/评分 #12 0', 'command.bad_score', 'rate'],
    ['/评分 #12 55', 'command.bad_score', 'rate'],
    ['/评分 #12 4.5', 'command.bad_score', 'rate'],
    ['/评分 #12 好', 'command.bad_score', 'rate'],
    ['/评分 #12', 'command.bad_score', 'rate'],
    ['/评分 #12 -1', 'command.bad_score', 'rate'],
    ['/评分 5', 'command.missing_ref', 'rate'],
    ['/评分 5 很及时', 'command.missing_ref', 'rate'],
    ['/评分', 'command.missing_ref', 'rate'],
    ['/评分 #12.2 5', 'command.whole_task_ref', 'rate'],
    ['/评分 #x 5', 'command.bad_ref', 'rate'],
  ])('%s → %s', (text, code, kind) => {
    expectUsageError(text, code, kind);
  });
});
