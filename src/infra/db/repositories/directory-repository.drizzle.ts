import { and, eq, sql } from 'drizzle-orm';
import type {
  DepartmentRow,
  DirectoryRow,
  PersonRow,
} from '../../../domain/directory/directory.types.js';
import type { DirectoryRepository } from '../../../ports/directory-repository.port.js';
import type { Tx } from '../client.js';
import { chats, departments, events, people, roleAssignments } from '../schema/index.js';
import { excludedSet } from './upsert.helpers.js';

/** Rows per INSERT: well under Postgres's 65,535 bound parameters. */
const CHUNK = 1000;

export function createDirectoryRepository(
  tx: Tx,
  onChange: (tenantId: string) => void,
): DirectoryRepository {
  return {
    async lock(tenantId) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`directory:${tenantId}`}))`);
    },
    async load(tenantId) {
      const depts = await tx.select().from(departments).where(eq(departments.tenantId, tenantId));
      const persons = await tx.select().from(people).where(eq(people.tenantId, tenantId));
      return { departments: depts.map(departmentRow), people: persons.map(personRow) };
    },
    async findDepartment(tenantId, departmentId) {
      const [row] = await tx
        .select()
        .from(departments)
        .where(and(eq(departments.tenantId, tenantId), eq(departments.id, departmentId)));
      return row ? departmentRow(row) : null;
    },
    async findPerson(tenantId, personId) {
      const [row] = await tx
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
      return row ? personRow(row) : null;
    },
    async saveDepartments(tenantId, rows) {
      for (const values of chunksOf(tenantId, rows)) {
        await tx
          .insert(departments)
          .values(values)
          .onConflictDoUpdate({
            target: [departments.tenantId, departments.id],
            set: excludedSet([
              'name',
              'parent_id',
              'liaison_id',
              'leader_id',
              'wecom_dept_id',
              'dingtalk_dept_id',
              'field_sources',
              'active',
            ]),
          });
      }
      if (rows.length > 0) onChange(tenantId);
    },
    async savePeople(tenantId, rows) {
      for (const values of chunksOf(tenantId, rows)) {
        await tx
          .insert(people)
          .values(values)
          .onConflictDoUpdate({
            target: [people.tenantId, people.id],
            set: {
              ...excludedSet([
                'name',
                'department_id',
                'wecom_user_id',
                'dingtalk_user_id',
                'field_sources',
                'active',
              ]),
              // Stamped when a person goes inactive, cleared when they come back.
              deactivatedAt: sql`case when excluded.active then null when people.active then now() else people.deactivated_at end`,
            },
          });
      }
      if (rows.length > 0) onChange(tenantId);
    },
    async setCoordinationChat(tenantId, platform, chatId) {
      const changed = await tx
        .insert(chats)
        .values({ platform, chatId, tenantId, isCoordination: true, source: 'chat' })
        .onConflictDoUpdate({
          target: [chats.platform, chats.chatId],
          set: { tenantId, isCoordination: true, updatedAt: sql`now()` },
          setWhere: sql`not ${chats.isCoordination} or ${chats.tenantId} <> ${tenantId}`,
        })
        .returning({ chatId: chats.chatId });
      if (changed.length > 0) onChange(tenantId);
      return changed.length > 0;
    },
    async addRole(tenantId, personId, role, source) {
      const added = await tx
        .insert(roleAssignments)
        .values({ tenantId, personId, role, source })
        .onConflictDoNothing()
        .returning({ personId: roleAssignments.personId });
      if (added.length > 0) onChange(tenantId);
      return added.length > 0;
    },
    async admins(tenantId) {
      const rows = await tx
        .select({ personId: roleAssignments.personId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.role, 'admin')));
      return rows.map((r) => r.personId);
    },
    async logChanges(tenantId, source, actorId, changes) {
      for (let i = 0; i < changes.length; i += CHUNK) {
        await tx.insert(events).values(
          changes.slice(i, i + CHUNK).map(({ kind, ...data }) => ({
            tenantId,
            type: `directory.${kind}`,
            actorId,
            source,
            data,
          })),
        );
      }
    },
  };
}

/** A directory's rows as table values, CHUNK at a time. */
function chunksOf<F>(tenantId: string, rows: readonly DirectoryRow<F>[]) {
  const values = rows.map((r) => ({
    tenantId,
    id: r.id,
    source: r.source,
    active: r.active,
    fieldSources: r.fieldSources,
    ...r.fields,
  }));
  return Array.from({ length: Math.ceil(values.length / CHUNK) }, (_, i) =>
    values.slice(i * CHUNK, (i + 1) * CHUNK),
  );
}

type DepartmentSelect = typeof departments.$inferSelect;
type PersonSelect = typeof people.$inferSelect;

function departmentRow(d: DepartmentSelect): DepartmentRow {
  return {
    id: d.id,
    source: d.source,
    active: d.active,
    fieldSources: d.fieldSources,
    fields: {
      name: d.name,
      parentId: d.parentId,
      liaisonId: d.liaisonId,
      leaderId: d.leaderId,
      wecomDeptId: d.wecomDeptId,
      dingtalkDeptId: d.dingtalkDeptId,
    },
  };
}

function personRow(p: PersonSelect): PersonRow {
  return {
    id: p.id,
    source: p.source,
    active: p.active,
    fieldSources: p.fieldSources,
    fields: {
      name: p.name,
      departmentId: p.departmentId,
      wecomUserId: p.wecomUserId,
      dingtalkUserId: p.dingtalkUserId,
    },
  };
}
