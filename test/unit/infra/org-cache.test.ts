import { describe, expect, it } from 'vitest';
import type { Org } from '../../../src/domain/org/org.types.js';
import { createOrgCache } from '../../../src/infra/org/org-cache.js';

const orgNamed = (name: string) => ({ departments: [{ id: name }] }) as unknown as Org;

function harness() {
  let clock = 0;
  let reads = 0;
  let current = orgNamed('v1');
  const cache = createOrgCache({ ttlMs: 1000, now: () => clock });
  const load = async () => {
    reads++;
    return current;
  };
  return {
    cache,
    load,
    reads: () => reads,
    advance: (ms: number) => {
      clock += ms;
    },
    change: (name: string) => {
      current = orgNamed(name);
    },
  };
}

describe('organisation cache', () => {
  it('reads once while fresh and again after the time to live', async () => {
    const h = harness();
    await h.cache.get('t', h.load);
    h.advance(999);
    await h.cache.get('t', h.load);
    expect(h.reads()).toBe(1);
    h.change('v2');
    h.advance(1);
    expect(await h.cache.get('t', h.load)).toEqual(orgNamed('v2'));
    expect(h.reads()).toBe(2);
  });

  it('reads again at once after an invalidation', async () => {
    const h = harness();
    await h.cache.get('t', h.load);
    h.change('v2');
    h.cache.invalidate('t');
    expect(await h.cache.get('t', h.load)).toEqual(orgNamed('v2'));
  });

  it('keeps tenants apart', async () => {
    const h = harness();
    await h.cache.get('a', h.load);
    await h.cache.get('b', h.load);
    expect(h.reads()).toBe(2);
  });

  it('does not keep a read that raced an invalidation', async () => {
    const h = harness();
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<Org>((resolve) => {
        release = () => resolve(orgNamed('old'));
      });
    const pending = h.cache.get('t', slow);
    h.cache.invalidate('t');
    release();
    expect(await pending).toEqual(orgNamed('old'));
    h.change('new');
    expect(await h.cache.get('t', h.load)).toEqual(orgNamed('new'));
  });

  it('does not remember an unknown tenant or a failed read', async () => {
    const h = harness();
    expect(await h.cache.get('t', async () => null)).toBeNull();
    await expect(h.cache.get('t', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(await h.cache.get('t', h.load)).toEqual(orgNamed('v1'));
    expect(h.reads()).toBe(1);
  });
});
