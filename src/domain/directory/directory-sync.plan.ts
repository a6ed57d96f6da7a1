import type {
  DepartmentFields,
  DepartmentRow,
  DirectoryRow,
  DirectorySnapshot,
  PersonFields,
  PersonRow,
  PlatformDepartment,
  SyncPlatform,
} from './directory.types.js';
import type { DirectoryChange } from './directory-change.types.js';
import { mergeFields, type SourcedFields } from './field-precedence.js';

/** What one sync writes: only rows that are new or changed, and what changed. */
export interface DirectorySyncPlan {
  readonly departments: readonly DepartmentRow[];
  readonly people: readonly PersonRow[];
  readonly changes: readonly DirectoryChange[];
  /** Values the platform has that the org file or a chat setting overrides. */
  readonly overridden: number;
}

export interface CurrentDirectory {
  readonly departments: readonly DepartmentRow[];
  readonly people: readonly PersonRow[];
}

const KEYS = {
  dingtalk: { dept: 'dingtalkDeptId', user: 'dingtalkUserId', prefix: 'dt' },
  wecom: { dept: 'wecomDeptId', user: 'wecomUserId', prefix: 'wc' },
} as const satisfies Record<
  SyncPlatform,
  { dept: keyof DepartmentFields; user: keyof PersonFields; prefix: string }
>;

/**
 * Compares the stored directory with a complete snapshot of the platform's contacts: new
 * people and departments are added, changed ones updated where no higher source holds the
 * field, and people and departments the platform created but no longer lists are deactivated
 * (never deleted). Applying the same snapshot twice plans nothing the second time.
 */
export function planDirectorySync(
  current: CurrentDirectory,
  snapshot: DirectorySnapshot,
): DirectorySyncPlan {
  const keys = KEYS[snapshot.platform];
  const ids = new Set([
    ...current.departments.map((d) => d.id),
    ...current.people.map((p) => p.id),
  ]);
  const freshId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const departmentIds = matchDepartments(current.departments, snapshot, keys.dept, (platformId) =>
    freshId(`${keys.prefix}-dept-${platformId}`),
  );
  const peopleByUser = new Map(
    current.people.filter((p) => p.fields[keys.user]).map((p) => [p.fields[keys.user], p]),
  );
  const personIds = new Map(
    snapshot.members.map((m) => [
      m.userId,
      peopleByUser.get(m.userId)?.id ?? freshId(`${keys.prefix}-${m.userId}`),
    ]),
  );
  const changes: DirectoryChange[] = [];
  let overridden = 0;

  const departmentsById = new Map(current.departments.map((d) => [d.id, d]));
  const departmentWrites: DepartmentRow[] = [];
  for (const dept of snapshot.departments) {
    const id = departmentIds.get(dept.platformId) as string;
    const existing = departmentsById.get(id);
    const leaderUser = dept.leaderUserIds.find((u) => personIds.has(u));
    const update: Partial<DepartmentFields> = {
      name: dept.name ?? (existing ? undefined : `部门${dept.platformId}`),
      parentId:
        dept.parentPlatformId === null ? null : (departmentIds.get(dept.parentPlatformId) ?? null),
      leaderId: leaderUser === undefined ? null : (personIds.get(leaderUser) as string),
      [keys.dept]: dept.platformId,
    };
    const before = existing ?? emptyDepartment(id, snapshot.platform);
    const merged = mergeFields(before, snapshot.platform, update);
    overridden += merged.heldBy.length;
    const reactivate = !before.active && before.source === snapshot.platform;
    if (existing && merged.changed.length === 0 && !reactivate) continue;
    departmentWrites.push(withMerge(before, merged, true));
    if (!existing) {
      changes.push({ kind: 'department.created', departmentId: id, name: merged.fields.name });
      continue;
    }
    if (merged.fields.name !== existing.fields.name) {
      changes.push({
        kind: 'department.renamed',
        departmentId: id,
        from: existing.fields.name,
        to: merged.fields.name,
      });
    }
    if (merged.fields.leaderId !== existing.fields.leaderId) {
      changes.push({
        kind: 'department.leader_changed',
        departmentId: id,
        from: existing.fields.leaderId,
        to: merged.fields.leaderId,
      });
    }
  }
  const listedDepartments = new Set(departmentIds.values());
  for (const dept of current.departments) {
    if (!dept.active || dept.source !== snapshot.platform || listedDepartments.has(dept.id))
      continue;
    departmentWrites.push({ ...dept, active: false });
    changes.push({ kind: 'department.removed', departmentId: dept.id, name: dept.fields.name });
  }

  const peopleById = new Map(current.people.map((p) => [p.id, p]));
  const personWrites: PersonRow[] = [];
  for (const member of snapshot.members) {
    const id = personIds.get(member.userId) as string;
    const existing = peopleById.get(id);
    const main = member.departmentPlatformIds[0];
    const update: Partial<PersonFields> = {
      name: member.name ?? (existing ? undefined : member.userId),
      departmentId: main === undefined ? null : (departmentIds.get(main) ?? null),
      [keys.user]: member.userId,
    };
    const before = existing ?? emptyPerson(id, snapshot.platform);
    const merged = mergeFields(before, snapshot.platform, update);
    overridden += merged.heldBy.length;
    const returned = !before.active && before.source === snapshot.platform;
    if (existing && merged.changed.length === 0 && !returned) continue;
    const row = withMerge(before, merged, before.active || returned);
    personWrites.push(row);
    const name = row.fields.name;
    if (!existing) {
      changes.push({
        kind: 'person.joined',
        personId: id,
        name,
        departmentId: row.fields.departmentId,
      });
      continue;
    }
    if (returned) changes.push({ kind: 'person.returned', personId: id, name });
    if (name !== existing.fields.name) {
      changes.push({ kind: 'person.renamed', personId: id, from: existing.fields.name, to: name });
    }
    if (row.fields.departmentId !== existing.fields.departmentId) {
      changes.push({
        kind: 'person.moved',
        personId: id,
        from: existing.fields.departmentId,
        to: row.fields.departmentId,
      });
    }
  }
  const listedPeople = new Set(personIds.values());
  for (const person of current.people) {
    if (!person.active || person.source !== snapshot.platform || listedPeople.has(person.id))
      continue;
    personWrites.push({ ...person, active: false });
    changes.push({ kind: 'person.left', personId: person.id, name: person.fields.name });
  }
  return { departments: departmentWrites, people: personWrites, changes, overridden };
}

/**
 * Each platform department's row id: the row that already carries its platform id, else the
 * one department of the same name no platform has claimed yet (an org-file department), else
 * a new id.
 */
function matchDepartments(
  rows: readonly DepartmentRow[],
  snapshot: DirectorySnapshot,
  key: 'dingtalkDeptId' | 'wecomDeptId',
  newId: (platformId: string) => string,
): Map<string, string> {
  const byPlatformId = new Map(rows.filter((d) => d.fields[key]).map((d) => [d.fields[key], d.id]));
  const unclaimed = rows.filter((d) => d.active && d.fields[key] === null);
  const adopted = new Set<string>();
  const adopt = (dept: PlatformDepartment): string | undefined => {
    const same = unclaimed.filter((d) => d.fields.name === dept.name && !adopted.has(d.id));
    if (same.length !== 1) return undefined;
    adopted.add((same[0] as DepartmentRow).id);
    return (same[0] as DepartmentRow).id;
  };
  return new Map(
    snapshot.departments.map((dept) => [
      dept.platformId,
      byPlatformId.get(dept.platformId) ?? adopt(dept) ?? newId(dept.platformId),
    ]),
  );
}

function withMerge<F>(
  row: DirectoryRow<F>,
  merged: SourcedFields<F>,
  active: boolean,
): DirectoryRow<F> {
  return { ...row, active, fields: merged.fields, fieldSources: merged.fieldSources };
}

function emptyDepartment(id: string, source: SyncPlatform): DepartmentRow {
  return {
    id,
    source,
    active: true,
    fields: {
      name: '',
      parentId: null,
      liaisonId: null,
      leaderId: null,
      wecomDeptId: null,
      dingtalkDeptId: null,
    },
    fieldSources: {},
  };
}

function emptyPerson(id: string, source: SyncPlatform): PersonRow {
  return {
    id,
    source,
    active: true,
    fields: { name: '', departmentId: null, wecomUserId: null, dingtalkUserId: null },
    fieldSources: {},
  };
}
