import { describe, expect, it } from 'vitest';
import type { CommandKind } from '../../../../src/domain/command/command.types.js';
import {
  COMMAND_NAMES,
  commandKindOf,
  primaryName,
  splitCommandName,
  suggestCommandName,
} from '../../../../src/domain/command/command-names.js';
import { soundsAlike, startsLike } from '../../../../src/domain/command/homophones.models.js';

describe('soundsAlike and startsLike', () => {
  it.each<[string, string, boolean]>([
    ['人', '任', true],
    ['物', '务', true],
    ['薄', '报', true],
    ['薄', '驳', true],
    ['人', '务', false],
    ['天', '天', true],
    ['天', '田', false],
  ])('%s and %s sound alike: %s', (a, b, alike) => {
    expect(soundsAlike(a, b)).toBe(alike);
  });

  it.each<[string, string, boolean]>([
    ['人物', '任务', true],
    ['人物修空调', '任务', true],
    ['人', '任务', false],
    ['修空调', '任务', false],
  ])('%s starts like %s: %s', (typed, name, alike) => {
    expect(startsLike(typed, name)).toBe(alike);
  });
});

describe('command names', () => {
  it.each<[string, string, string]>([
    ['完成 #12.1', '完成', ' #12.1'],
    ['完成#12.1', '完成', '#12.1'],
    ['完成', '完成', ''],
    ['我的任务', '我的任务', ''],
    ['我的', '我的', ''],
    ['done#12', 'done', '#12'],
    ['DONE 好', 'DONE', ' 好'],
    ['done好了', 'done', '好了'],
    ['取消 #12', '取消', ' #12'],
    ['取消#12', '取消', '#12'],
    ['xyz@a', 'xyz', '@a'],
    ['', '', ''],
    [' 完成', '', ' 完成'],
  ])('splits %j', (text, name, rest) => {
    expect(splitCommandName(text)).toEqual({ name, rest });
  });

  it.each<[string, CommandKind | null]>([
    ['任务', 'create-task'],
    ['TASK', 'create-task'],
    ['Minutes', 'minutes'],
    ['我的任务', 'my'],
    ['取消', null],
    ['', null],
    ['create-task', null],
  ])('%j is %s', (name, kind) => {
    expect(commandKindOf(name)).toBe(kind);
  });

  it('shows the Chinese name first', () => {
    for (const [kind, names] of Object.entries(COMMAND_NAMES)) {
      expect(primaryName(kind as CommandKind)).toBe(names[0]);
      expect(names[0]).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });

  it.each<[string, string | null]>([
    ['stauts', 'status'],
    ['STAUTS', 'status'],
    ['taks', 'task'],
    ['任物', '任务'],
    ['人物', '任务'],
    ['人物修空调', '任务'],
    ['流成', '流程'],
    ['收道', '收到'],
    ['拨回', '驳回'],
    ['撤消', '撤销'],
    ['延其', '延期'],
    ['评份', '评分'],
    ['设直', '设置'],
    ['我的人物', '我的任务'],
    ['人', null],
    ['天气', null],
    ['取消', '撤销'],
    ['取消任务', '撤销'],
    ['不同意', '驳回'],
    ['ab', 'ack'],
    ['qq', null],
    ['zzzzzz', null],
    ['', null],
  ])('suggests for %j: %j', (name, suggestion) => {
    expect(suggestCommandName(name)).toBe(suggestion);
  });
});
