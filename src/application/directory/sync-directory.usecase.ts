import { countChanges } from '../../domain/directory/directory-change.types.js';
import { planDirectorySync } from '../../domain/directory/directory-sync.plan.js';
import type { ContactsSource } from '../../ports/contacts-source.port.js';
import type { DirectorySyncLog } from '../../ports/directory-repository.port.js';
import type { OrgStore } from '../../ports/org-store.port.js';
import type { RunInTransaction } from '../../ports/unit-of-work.port.js';
import { noticesForLeavers } from './leaver-notices.js';

export interface DirectorySyncDeps {
  readonly runInTransaction: RunInTransaction;
  readonly syncLog: DirectorySyncLog;
  readonly orgStore: OrgStore;
  readonly now: () => Date;
}

export interface DirectorySyncResult {
  readonly syncId: string;
  readonly summary: Readonly<Record<string, number>>;
}

/**
 * One sync of a platform's contacts into the tenant's directory. The whole directory is read
 * first; a page that fails fails the sync before anything is written (a partial read would
 * look like mass departures). Then one transaction applies the changes, logs each one, and
 * tells the coordinators about leavers who still own open nodes. Running it again with the
 * same contacts changes nothing.
 */
export async function syncDirectory(
  deps: DirectorySyncDeps,
  source: ContactsSource,
  tenantId: string,
  trigger: string,
): Promise<DirectorySyncResult> {
  const syncId = await deps.syncLog.start(tenantId, source.platform, trigger, deps.now());
  try {
    const snapshot = await source.fetchSnapshot();
    const org = await deps.orgStore.loadOrg(tenantId);
    if (!org) throw new Error(`no organisation for tenant ${tenantId}; import an org file first`);
    const summary = await deps.runInTransaction(async (uow) => {
      await uow.directory.lock(tenantId);
      const plan = planDirectorySync(await uow.directory.load(tenantId), snapshot);
      await uow.directory.saveDepartments(tenantId, plan.departments);
      await uow.directory.savePeople(tenantId, plan.people);
      await uow.directory.logChanges(tenantId, source.platform, null, plan.changes);
      await noticesForLeavers(uow, tenantId, org, plan.changes, syncId);
      return {
        departments: snapshot.departments.length,
        people: snapshot.members.length,
        overridden: plan.overridden,
        ...countChanges(plan.changes),
      };
    });
    await deps.syncLog.succeed(syncId, summary, deps.now());
    return { syncId, summary };
  } catch (err) {
    await deps.syncLog.fail(syncId, err instanceof Error ? err.message : String(err), deps.now());
    throw err;
  }
}
