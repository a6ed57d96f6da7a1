import { and, count, eq } from 'drizzle-orm';
import type { DirectorySource } from '../../../domain/directory/directory.types.js';
import type { Db } from '../client.js';
import { departments, people } from '../schema/index.js';

export interface DirectoryDepartmentView {
  readonly id: string;
  readonly name: string;
  readonly nameSource: DirectorySource | null;
  readonly liaison: { readonly id: string; readonly source: DirectorySource | null } | null;
  readonly leader: { readonly id: string; readonly source: DirectorySource | null } | null;
  readonly people: number;
}

/** Where each active person's name and department came from, by person id. */
export async function findPeopleSources(
  db: Db,
  tenantId: string,
): Promise<Record<string, { name: DirectorySource | null; department: DirectorySource | null }>> {
  const rows = await db
    .select({ id: people.id, fieldSources: people.fieldSources })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.active, true)));
  return Object.fromEntries(
    rows.map((p) => [
      p.id,
      { name: p.fieldSources.name ?? null, department: p.fieldSources.departmentId ?? null },
    ]),
  );
}

/** Active departments with where each of their values came from, and how many people each has. */
export async function findDirectoryDepartments(
  db: Db,
  tenantId: string,
): Promise<DirectoryDepartmentView[]> {
  const rows = await db
    .select()
    .from(departments)
    .where(and(eq(departments.tenantId, tenantId), eq(departments.active, true)))
    .orderBy(departments.name);
  const sizes = await db
    .select({ departmentId: people.departmentId, people: count() })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.active, true)))
    .groupBy(people.departmentId);
  const sizeOf = new Map(sizes.map((s) => [s.departmentId, s.people]));
  const valued = (id: string | null, source: DirectorySource | undefined) =>
    id ? { id, source: source ?? null } : null;
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    nameSource: d.fieldSources.name ?? null,
    liaison: valued(d.liaisonId, d.fieldSources.liaisonId),
    leader: valued(d.leaderId, d.fieldSources.leaderId),
    people: sizeOf.get(d.id) ?? 0,
  }));
}
