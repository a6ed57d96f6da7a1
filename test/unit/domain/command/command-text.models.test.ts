import { describe, expect, it } from 'vitest';
import {
  freeText,
  normalizeCommandText,
  splitSegments,
  trimSeparators,
  wordsOf,
} from '../../../../src/domain/command/command-text.models.js';

describe('normalizeCommandText', () => {
  it.each<[string, string]>([
    ['／任务', '/任务'],
    ['＠张三', '@张三'],
    ['＃１２．３', '#12.3'],
    ['ＡＢＣｘｙｚ０９', 'ABCxyz09'],
    ['＋ 现场', '+ 现场'],
    ['物品＝笔记本', '物品=笔记本'],
    ['［紧急］', '[紧急]'],
    ['a\u3000b', 'a b'],
    ['a\u2005b', 'a b'],
    ['a\u00a0b', 'a b'],
    ['a\tb', 'a b'],
    ['a    b', 'a b'],
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\u2028b', 'a\nb'],
    ['  a  \n  b  ', 'a\nb'],
    ['a\u200bb\u200c\u200d\ufeff\u2060', 'ab'],
    ['明天18：00', '明天18:00'],
    ['e\u0301', 'é'],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeCommandText(text)).toBe(normalized);
  });

  it.each([['已联系，明天到'], ['原因：缺货'], ['一；二'], ['（备注）'], ['好！'], ['吗？']])(
    'keeps the punctuation of prose: %s',
    (text) => {
      expect(normalizeCommandText(text)).toBe(text);
    },
  );
});

describe('text helpers', () => {
  it.each<[string, string | null]>([
    ['好了', '好了'],
    ['  好了  ', '好了'],
    ['：好了', '好了'],
    ['，好了，', '好了'],
    ['好了。', '好了。'],
    ['\n\n第一行\n\n第二行\n', '第一行\n第二行'],
    ['', null],
    ['  ', null],
    ['，', null],
    ['\n', null],
  ])('freeText(%j) → %j', (text, expected) => {
    expect(freeText(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['；；好；', '好'],
    ['.好.', '好.'],
    ['、好、', '好'],
  ])('trimSeparators(%j) → %j', (text, expected) => {
    expect(trimSeparators(text)).toBe(expected);
  });

  it('splits words and segments', () => {
    expect(wordsOf(' a  b\nc ')).toEqual(['a', 'b', 'c']);
    expect(splitSegments('a；b;c')).toEqual(['a', 'b', 'c']);
  });
});
