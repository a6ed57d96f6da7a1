import {
  type DirectorySyncResult,
  syncDirectory,
} from '../application/directory/sync-directory.usecase.js';
import type { Db } from '../infra/db/client.js';
import { createDirectorySyncLog } from '../infra/db/repositories/directory-sync-log.drizzle.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { createRunInTransaction } from '../infra/db/unit-of-work.drizzle.js';
import type { ContactsSource } from '../ports/contacts-source.port.js';

/** Syncs every configured platform's contacts into the directory; null when none has any. */
export type DirectorySyncRunner = (trigger: string) => Promise<DirectorySyncResult[]>;

export function createDirectorySyncRunner(
  db: Db,
  sources: readonly ContactsSource[],
  afterCommit: () => void,
  now: () => Date = () => new Date(),
): DirectorySyncRunner | null {
  if (sources.length === 0) return null;
  const deps = {
    runInTransaction: createRunInTransaction(db, afterCommit),
    syncLog: createDirectorySyncLog(db),
    orgStore: createOrgStore(db),
    now,
  };
  return async (trigger) => {
    const results: DirectorySyncResult[] = [];
    // One platform after another: each holds the tenant's directory lock while it writes.
    for (const source of sources)
      results.push(await syncDirectory(deps, source, 'default', trigger));
    return results;
  };
}
