import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { OfficialSchedule } from '../../../domain/calendar/calendar.types.js';
import { planOrgFileMerge } from '../../../domain/directory/org-file-merge.plan.js';
import type { OrgImportSummary } from '../../../ports/org-store.port.js';
import { orgCacheFor } from '../../org/org-cache.js';
import {
  mergeSchedules,
  type StoredTenantSettings,
  storedSchedules,
  tenantSettingsFromOrgFile,
  withImportedSchedule,
} from '../../org/org-file.mapper.js';
import type { OrgFile } from '../../org/org-file.schema.js';
import type { Db, Tx } from '../client.js';
import { chats, departments, events, people, roleAssignments, tenants } from '../schema/index.js';
import { createDirectoryRepository } from './directory-repository.drizzle.js';
import { excludedSet } from './upsert.helpers.js';

const SOURCE = 'org-file' as const;

/**
 * Loads a validated org file in one transaction: upserts what it names, deactivates org-file
 * rows it no longer names (never deletes: open nodes may point at them). Rows that already
 * match are not touched, so importing the same file twice changes nothing.
 */
export async function importOrgFile(db: Db, file: OrgFile): Promise<OrgImportSummary> {
  const summary = await db.transaction(async (tx) => {
    const tenantId = file.tenant.id;
    await upsertTenant(tx, file);
    const summary: OrgImportSummary = {
      tenantId,
      ...(await mergeDirectory(tx, tenantId, file).then((m) => ({
        departmentsChanged: m.departments,
        peopleChanged: m.people,
      }))),
      chatsChanged: await upsertChats(tx, tenantId, file),
      rolesChanged: await replaceRoles(tx, tenantId, file),
      deactivated: await deactivateMissing(tx, tenantId, file),
    };
    if (hasChanges(summary)) {
      await tx.insert(events).values({
        tenantId,
        type: 'org.imported',
        source: 'cli',
        data: summary,
      });
    }
    return summary;
  });
  orgCacheFor(db).invalidate(summary.tenantId);
  return summary;
}

function hasChanges(s: OrgImportSummary): boolean {
  return (
    s.departmentsChanged + s.peopleChanged + s.chatsChanged + s.rolesChanged + s.deactivated > 0
  );
}

/** `col IS DISTINCT FROM excluded.col` for each column: update only rows that differ. */
function differs(table: string, columns: readonly { name: string }[]) {
  return sql.join(
    columns.map(
      (c) =>
        sql`${sql.identifier(table)}.${sql.identifier(c.name)} is distinct from excluded.${sql.identifier(c.name)}`,
    ),
    sql` or `,
  );
}

async function upsertTenant(tx: Tx, file: OrgFile): Promise<void> {
  const fromFile = tenantSettingsFromOrgFile(file);
  const [current] = await tx
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, file.tenant.id));
  const stored = current ? storedSchedules(current.settings as StoredTenantSettings) : [];
  const officialSchedules = mergeSchedules(fromFile.calendar.officialSchedules, stored);
  const row = {
    id: file.tenant.id,
    name: file.tenant.name,
    wecomCorpId: file.tenant.wecomCorpId ?? null,
    dingtalkCorpId: file.tenant.dingtalkCorpId ?? null,
    settings: { ...fromFile, calendar: { ...fromFile.calendar, officialSchedules } },
  };
  await tx
    .insert(tenants)
    .values(row)
    .onConflictDoUpdate({
      target: tenants.id,
      set: { ...row, updatedAt: sql`now()` },
      setWhere: differs('tenants', [
        tenants.name,
        tenants.wecomCorpId,
        tenants.dingtalkCorpId,
        tenants.settings,
      ]),
    });
}

/** Merges the file's departments and people into the directory, field by field. */
async function mergeDirectory(
  tx: Tx,
  tenantId: string,
  file: OrgFile,
): Promise<{ departments: number; people: number }> {
  const directory = createDirectoryRepository(tx, () => undefined);
  const current = await directory.load(tenantId);
  const plan = planOrgFileMerge(current, {
    departments: file.departments.map((d) => ({
      id: d.id,
      name: d.name,
      liaisonId: d.liaison ?? null,
      leaderId: d.leader ?? null,
    })),
    people: file.people.map((p) => ({
      id: p.id,
      name: p.name,
      departmentId: p.department ?? null,
      wecomUserId: p.wecom ?? null,
      dingtalkUserId: p.dingtalk ?? null,
    })),
  });
  // Rows that gave up a platform id go first: the ids are unique per tenant.
  await directory.savePeople(tenantId, plan.displaced);
  await directory.saveDepartments(tenantId, plan.departments);
  await directory.savePeople(tenantId, plan.people);
  return {
    departments: plan.departments.length,
    people: plan.people.length + plan.displaced.length,
  };
}

async function upsertChats(tx: Tx, tenantId: string, file: OrgFile): Promise<number> {
  const rows = file.coordination.chats.map((c) => ({
    platform: c.platform,
    chatId: c.chatId,
    tenantId,
    name: c.name ?? null,
    isCoordination: true,
    webhookKey: c.webhookKey ?? null,
    source: SOURCE,
  }));
  let changed = 0;
  if (rows.length > 0) {
    const upserted = await tx
      .insert(chats)
      .values(rows)
      .onConflictDoUpdate({
        target: [chats.platform, chats.chatId],
        set: excludedSet(['tenant_id', 'name', 'is_coordination', 'webhook_key', 'source']),
        setWhere: differs('chats', [
          chats.tenantId,
          chats.name,
          chats.isCoordination,
          chats.webhookKey,
          chats.source,
        ]),
      })
      .returning({ id: chats.chatId });
    changed += upserted.length;
  }
  const keep = file.coordination.chats.map((c) => `${c.platform}/${c.chatId}`);
  const dropped = await tx
    .update(chats)
    .set({ isCoordination: false, updatedAt: sql`now()` })
    .where(
      and(
        eq(chats.tenantId, tenantId),
        eq(chats.source, SOURCE),
        eq(chats.isCoordination, true),
        keep.length > 0
          ? notInArray(sql`${chats.platform} || '/' || ${chats.chatId}`, keep)
          : undefined,
      ),
    )
    .returning({ id: chats.chatId });
  return changed + dropped.length;
}

async function replaceRoles(tx: Tx, tenantId: string, file: OrgFile): Promise<number> {
  const wanted = [
    ...file.coordination.coordinators.map((personId) => ({
      personId,
      role: 'coordinator' as const,
    })),
    ...file.coordination.leadership.map((personId) => ({ personId, role: 'leadership' as const })),
    ...file.admins.map((personId) => ({ personId, role: 'admin' as const })),
  ];
  const existing = await tx
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.source, SOURCE)));
  const key = (r: { personId: string; role: string }) => `${r.role}/${r.personId}`;
  const wantedKeys = new Set(wanted.map(key));
  const existingKeys = new Set(existing.map(key));
  const toAdd = wanted.filter((r) => !existingKeys.has(key(r)));
  const toRemove = existing.filter((r) => !wantedKeys.has(key(r)));
  if (toAdd.length > 0) {
    await tx
      .insert(roleAssignments)
      .values(toAdd.map((r) => ({ ...r, tenantId, source: SOURCE })))
      .onConflictDoNothing();
  }
  for (const r of toRemove) {
    await tx
      .delete(roleAssignments)
      .where(
        and(
          eq(roleAssignments.tenantId, tenantId),
          eq(roleAssignments.personId, r.personId),
          eq(roleAssignments.role, r.role),
        ),
      );
  }
  return toAdd.length + toRemove.length;
}

async function deactivateMissing(tx: Tx, tenantId: string, file: OrgFile): Promise<number> {
  const personIds = file.people.map((p) => p.id);
  const departmentIds = file.departments.map((d) => d.id);
  const gonePeople = await tx
    .update(people)
    .set({ active: false, updatedAt: sql`now()` })
    .where(
      and(
        eq(people.tenantId, tenantId),
        eq(people.source, SOURCE),
        eq(people.active, true),
        personIds.length > 0 ? notInArray(people.id, personIds) : undefined,
      ),
    )
    .returning({ id: people.id });
  const goneDepartments = await tx
    .update(departments)
    .set({ active: false, updatedAt: sql`now()` })
    .where(
      and(
        eq(departments.tenantId, tenantId),
        eq(departments.source, SOURCE),
        eq(departments.active, true),
        departmentIds.length > 0 ? notInArray(departments.id, departmentIds) : undefined,
      ),
    )
    .returning({ id: departments.id });
  return gonePeople.length + goneDepartments.length;
}

/**
 * `baton calendar import`: puts one year of the State Council's schedule into every tenant's
 * calendar (the notice is national), replacing what held that year. Returns the tenants whose
 * calendar changed; importing the same file twice changes nothing.
 */
export async function importCalendarSchedule(
  db: Db,
  schedule: OfficialSchedule,
): Promise<string[]> {
  const changed = await db.transaction(async (tx) => {
    const rows = await tx.select({ id: tenants.id, settings: tenants.settings }).from(tenants);
    const updated: string[] = [];
    for (const row of rows) {
      const settings = row.settings as StoredTenantSettings;
      const stored = storedSchedules(settings);
      const officialSchedules = withImportedSchedule(stored, schedule);
      if (JSON.stringify(officialSchedules) === JSON.stringify(stored)) continue;
      await tx
        .update(tenants)
        .set({
          settings: { ...settings, calendar: { ...settings.calendar, officialSchedules } },
          updatedAt: sql`now()`,
        })
        .where(eq(tenants.id, row.id));
      await tx.insert(events).values({
        tenantId: row.id,
        type: 'calendar.imported',
        source: 'cli',
        data: { year: schedule.year, source: schedule.source },
      });
      updated.push(row.id);
    }
    return updated;
  });
  for (const tenantId of changed) orgCacheFor(db).invalidate(tenantId);
  return changed;
}
