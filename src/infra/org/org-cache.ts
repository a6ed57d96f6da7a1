import type { Org } from '../../domain/org/org.types.js';
import type { OrgStore } from '../../ports/org-store.port.js';

/** Each tenant's organisation, kept for a short while. */
export interface OrgCache {
  /** The tenant's organisation: from the cache while fresh, else read with `load`. */
  get(tenantId: string, load: () => Promise<Org | null>): Promise<Org | null>;
  /** Forgets a tenant's organisation, so the next read here sees a change made here. */
  invalidate(tenantId: string): void;
}

/** How long a process keeps an organisation; another process's change shows after this. */
export const ORG_CACHE_TTL_MS = 1000;

/**
 * Every command, click and fired ping needs the organisation, and reading it takes five
 * queries that grow with the directory. A second-long cache takes that off the hot path.
 *
 * Only settled reads are shared, and each miss reads through the caller's own `load`: inside
 * a transaction that is the transaction, and with the embedded database's single connection a
 * read waiting on someone else's pending query could wait on that transaction itself.
 */
export function createOrgCache(options: { ttlMs: number; now?: () => number }): OrgCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; org: Org }>();
  const generations = new Map<string, number>();
  return {
    async get(tenantId, load) {
      const entry = entries.get(tenantId);
      if (entry && now() - entry.at < options.ttlMs) return entry.org;
      const generation = generations.get(tenantId) ?? 0;
      const startedAt = now();
      const org = await load();
      // A read that raced an invalidation may hold the old organisation: use it, don't keep it.
      if (org && (generations.get(tenantId) ?? 0) === generation) {
        entries.set(tenantId, { at: startedAt, org });
      }
      return org;
    },
    invalidate(tenantId) {
      entries.delete(tenantId);
      generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
    },
  };
}

const cachesByDatabase = new WeakMap<object, OrgCache>();

/** The one cache of a database handle (so tests' separate databases never share one). */
export function orgCacheFor(db: object): OrgCache {
  let cache = cachesByDatabase.get(db);
  if (!cache) {
    cache = createOrgCache({ ttlMs: ORG_CACHE_TTL_MS });
    cachesByDatabase.set(db, cache);
  }
  return cache;
}

/** `store` read through the database's organisation cache. */
export function cachedOrgStore(db: object, store: OrgStore): OrgStore {
  const cache = orgCacheFor(db);
  return { loadOrg: (tenantId) => cache.get(tenantId, () => store.loadOrg(tenantId)) };
}
