import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, percentile, rate } from '../../../../src/domain/kpi/kpi-stats.models.js';

describe('KPI statistics', () => {
  it('gives null rather than dividing by zero', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(mean([])).toBeNull();
    expect(percentile([], 0.9)).toBeNull();
  });

  it('takes the nearest-rank p90', () => {
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 0.9)).toBe(10);
  });

  it('keeps the p90 among the values, at or above nine in ten of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), (values) => {
        const p90 = percentile(values, 0.9);
        expect(values).toContain(p90);
        const atOrBelow = values.filter((v) => p90 !== null && v <= p90).length;
        expect(atOrBelow / values.length).toBeGreaterThanOrEqual(0.9);
      }),
    );
  });
});
