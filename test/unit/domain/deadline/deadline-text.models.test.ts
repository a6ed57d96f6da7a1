import { describe, expect, it } from 'vitest';
import {
  normalizeDeadlineText,
  parseNumberWord,
} from '../../../../src/domain/deadline/deadline-text.models.js';

describe('normalizeDeadlineText', () => {
  it.each([
    ['明天18:00', '明天18:00'],
    ['明天１８：００', '明天18:00'],
    ['  明天   18:00  ', '明天 18:00'],
    ['明天\u300018:00', '明天 18:00'],
    ['T-3D', 't-3d'],
    ['Ｔ－３ｄ', 't-3d'],
    ['３ｗｄ', '3wd'],
    ['明天18:00。', '明天18:00'],
    ['周五前！', '周五前'],
    ['2小时内?', '2小时内'],
    ['1.5h', '1.5h'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(normalizeDeadlineText(text)).toBe(expected);
  });
});

describe('parseNumberWord', () => {
  it.each([
    ['3', 3],
    ['1.5', 1.5],
    ['0', 0],
    ['一', 1],
    ['二', 2],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十四', 24],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['两百', 200],
    ['零', 0],
    ['〇', 0],
  ])('%j → %d', (text, value) => {
    expect(parseNumberWord(text)).toBe(value);
  });

  it.each(['', '三三', '十十', '十百', 'x', '一x', '1a'])('%j → null', (text) => {
    expect(parseNumberWord(text)).toBeNull();
  });
});
