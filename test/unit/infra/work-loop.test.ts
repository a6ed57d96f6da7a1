import { describe, expect, it } from 'vitest';
import { createWorkLoop } from '../../../src/infra/work-loop.js';
import { silentLogger } from '../../helpers/test-logger.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createWorkLoop', () => {
  it('passes again at once while there is work, then waits for a poke', async () => {
    const waiting = [3, 2, 0];
    let passes = 0;
    const loop = createWorkLoop({
      pass: async () => {
        passes += 1;
        return waiting.shift() ?? 0;
      },
      idleMs: 60_000,
      logger: silentLogger,
      failure: 'failed',
    });
    loop.start();
    await tick();
    expect(passes).toBe(3);
    loop.poke();
    await tick();
    expect(passes).toBe(4);
    await loop.stop();
  });

  it('runs another pass at once when poked during a pass that found nothing', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = createWorkLoop({
      pass: async () => {
        passes += 1;
        if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
        return 0;
      },
      idleMs: 60_000,
      logger: silentLogger,
      failure: 'failed',
    });
    loop.start();
    await tick();
    loop.poke();
    release();
    await tick();
    expect(passes).toBe(2);
    await loop.stop();
  });

  it('logs a failed pass and tries again after the idle wait; stop ends the loop', async () => {
    const logged: string[] = [];
    const logger = { ...silentLogger, warn: (_o: object, msg: string) => logged.push(msg) };
    let passes = 0;
    const loop = createWorkLoop({
      pass: async () => {
        passes += 1;
        if (passes === 1) throw new Error('connect ECONNREFUSED');
        return 0;
      },
      idleMs: 30,
      logger: logger as unknown as typeof silentLogger,
      failure: 'pass failed; rows wait',
    });
    loop.start();
    await tick();
    await tick();
    await loop.stop();
    const stoppedAt = passes;
    expect(logged).toEqual(['pass failed; rows wait']);
    expect(stoppedAt).toBeGreaterThanOrEqual(2);
    await tick();
    expect(passes).toBe(stoppedAt);
  });
});
