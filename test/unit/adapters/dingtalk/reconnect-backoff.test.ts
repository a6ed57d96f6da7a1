import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../../adapters/dingtalk/stream/reconnect-backoff.js';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('reconnectDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const top = (failures: number) => reconnectDelay(failures, policy, () => 1);
    expect([1, 2, 3, 4, 7, 20].map(top)).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  });

  it('keeps at least half of the step, so jitter never makes it a storm', () => {
    expect(reconnectDelay(3, policy, () => 0)).toBe(2_000);
    expect(reconnectDelay(1, policy, () => 0.5)).toBe(750);
  });
});
