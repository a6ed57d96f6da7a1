import { describe, expect, it } from 'vitest';
import {
  extractMentions,
  findMentions,
  removeMentions,
  stripBotMentions,
} from '../../../../src/domain/command/command-mention.models.js';

describe('mentions', () => {
  it.each<[string, string[]]>([
    ['@张三', ['张三']],
    ['@张三 @李四', ['张三', '李四']],
    ['@张三@李四', ['张三', '李四']],
    ['@张三，@李四', ['张三', '李四']],
    ['@张三、@李四', ['张三', '李四']],
    ['@张三：你好', ['张三']],
    ['@张三。', ['张三']],
    ['@张三）', ['张三']],
    ['@张三!', ['张三']],
    ['@zhang.san', ['zhang.san']],
    ['@zhang.san.', ['zhang.san']],
    ['@zhang-san', ['zhang-san']],
    ['@zhang_san', ['zhang_san']],
    ['@迪丽热巴·迪力木拉提', ['迪丽热巴·迪力木拉提']],
    ['@IT部', ['IT部']],
    ['@13800138000', ['13800138000']],
    ['@김철수', ['김철수']],
    ['@José', ['José']],
    ['@张三 @张三', ['张三']],
    ['a@b.com', []],
    ['user123@example.org', []],
    ['@', []],
    ['@ 张三', []],
    ['@@张三', ['张三']],
    ['@#12', []],
    ['无提及', []],
  ])('%s → %j', (text, names) => {
    expect(extractMentions(text)).toEqual(names);
  });

  it('finds where each mention stands', () => {
    expect(findMentions('给 @张三 和 @李四')).toEqual([
      { name: '张三', index: 2, end: 5 },
      { name: '李四', index: 8, end: 11 },
    ]);
  });

  it.each<[string, string]>([
    ['出差 @李四 一周', '出差 一周'],
    ['@李四 出差', '出差'],
    ['@李四', ''],
    ['第一行 @张三\n第二行 @李四 好', '第一行\n第二行 好'],
    ['发给 a@b.com', '发给 a@b.com'],
  ])('removes mentions from %j', (text, rest) => {
    expect(removeMentions(text)).toBe(rest);
  });
});

describe('mentions of the bot', () => {
  const bots = ['接力', 'Baton', 'Baton Bot'];
  it.each<[string, string, boolean]>([
    ['@接力 /完成', '/完成', true],
    ['@接力/完成', '/完成', true],
    ['@baton /done', '/done', true],
    ['@BATON /done', '/done', true],
    ['@Baton Bot /done', '/done', true],
    ['/完成 @接力', '/完成', true],
    ['@接力 @Baton /完成 @接力', '/完成', true],
    ['@接力', '', true],
    ['@接力助手 /完成', '@接力助手 /完成', false],
    ['@Batons /done', '@Batons /done', false],
    ['/完成 给@接力', '/完成 给@接力', false],
    ['/完成 a.@接力', '/完成 a.@接力', false],
    ['/完成 @张三', '/完成 @张三', false],
    ['/转交 @接力 #1.1 测试', '/转交 @接力 #1.1 测试', false],
    ['  /完成  ', '/完成', false],
  ])('%j → %j', (text, rest, addressed) => {
    expect(stripBotMentions(text, bots)).toEqual({ text: rest, addressed });
  });

  it('accepts bot names written with their @', () => {
    expect(stripBotMentions('@接力 /完成', ['@接力'])).toEqual({ text: '/完成', addressed: true });
  });

  it('ignores empty bot names', () => {
    expect(stripBotMentions('@ /完成', ['', '  '])).toEqual({ text: '@ /完成', addressed: false });
  });
});
