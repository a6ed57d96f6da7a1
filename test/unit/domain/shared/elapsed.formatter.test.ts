import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../../../src/domain/shared/elapsed.formatter.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatElapsed: how late, as a person says it', () => {
  it.each([
    [2 * D + 9 * H + 7 * M + 27 * S + 726, '2天9小时'],
    [2 * M + 117, '2分钟'],
    [0, '1分钟'],
    [59 * S, '1分钟'],
    [M, '1分钟'],
    [59 * M + 59 * S, '59分钟'],
    [H, '1小时'],
    [H + 5 * M + 30 * S, '1小时5分钟'],
    [23 * H + 59 * M, '23小时59分钟'],
    [D, '1天'],
    [D + 59 * M, '1天'],
    [3 * D + 2 * H, '3天2小时'],
    [40 * D + 23 * H + 59 * M, '40天23小时'],
  ])('%i ms → %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));

  it('never shows seconds or milliseconds, and at most two units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * D }), (ms) => {
        const text = formatElapsed(ms);
        expect(text).not.toMatch(/秒/);
        expect(text.match(/天|小时|分钟/g)?.length ?? 0).toBeLessThanOrEqual(2);
      }),
    );
  });
});
