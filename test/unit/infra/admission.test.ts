import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../../src/infra/http/admission.js';

const limits = { maxInFlight: 2, maxBacklog: 10, deadlineMs: 100, backlogMaxAgeMs: 0 };

describe('admission', () => {
  it('refuses past its requests in flight, until their work settles (not just their answers)', async () => {
    const admission = createAdmission({ limits, backlog: async () => 0 });
    const release: (() => void)[] = [];
    const slow = () =>
      admission.run(() => new Promise<string>((resolve) => release.push(() => resolve('ok'))));
    const first = slow();
    const second = slow();
    expect(await admission.run(async () => 'third')).toEqual({
      kind: 'refused',
      refusal: { status: 429, code: 'busy', retryAfterS: 1 },
    });
    // Both outlast their deadline: answered 503, but their slots stay taken while they run.
    expect((await first).kind).toBe('refused');
    expect((await second).kind).toBe('refused');
    expect((await admission.run(async () => 'x')).kind).toBe('refused');
    for (const r of release) r();
    await sleep(0);
    expect(await admission.run(async () => 'free')).toEqual({ kind: 'done', value: 'free' });
  });

  it('tells late work it is no longer wanted, and refuses with a 503 to retry', async () => {
    const admission = createAdmission({ limits, backlog: async () => 0 });
    let wantedAfter: boolean | null = null;
    const outcome = await admission.run(async (stillWanted) => {
      await sleep(150);
      wantedAfter = stillWanted();
    });
    expect(outcome).toEqual({
      kind: 'refused',
      refusal: { status: 503, code: 'timeout', retryAfterS: 5 },
    });
    await sleep(100);
    expect(wantedAfter).toBe(false);
  });

  it('refuses while the backlog is over its bound, reading it in the background', async () => {
    let backlog = 50;
    let reads = 0;
    const admission = createAdmission({
      limits: { ...limits, backlogMaxAgeMs: 20 },
      backlog: async () => {
        reads += 1;
        return backlog;
      },
    });
    // No reading yet: the first request goes ahead while the backlog is read.
    expect((await admission.run(async () => 1)).kind).toBe('done');
    await sleep(0);
    expect(await admission.run(async () => 2)).toEqual({
      kind: 'refused',
      refusal: { status: 503, code: 'backlog', retryAfterS: 2 },
    });
    backlog = 3;
    await sleep(30);
    await admission.run(async () => 3);
    await sleep(0);
    expect(await admission.run(async () => 4)).toEqual({ kind: 'done', value: 4 });
    expect(reads).toBeLessThanOrEqual(3);
  });

  it('lets work through when the backlog cannot be read (the work answers for the database)', async () => {
    const admission = createAdmission({
      limits,
      backlog: () => Promise.reject(new Error('connection refused')),
    });
    await admission.run(async () => 1);
    await sleep(0);
    expect(await admission.run(async () => 2)).toEqual({ kind: 'done', value: 2 });
  });

  it('passes the work’s own failure on', async () => {
    const admission = createAdmission({ limits, backlog: async () => 0 });
    await expect(admission.run(() => Promise.reject(new Error('ECONNREFUSED')))).rejects.toThrow(
      'ECONNREFUSED',
    );
    expect((await admission.run(async () => 1)).kind).toBe('done');
  });
});
