import type {
  DepartmentFields,
  DepartmentRow,
  DirectoryRow,
  PersonFields,
  PersonRow,
} from './directory.types.js';
import type { CurrentDirectory } from './directory-sync.plan.js';
import { mergeFields } from './field-precedence.js';

export interface OrgFileDirectory {
  readonly departments: readonly {
    id: string;
    name: string;
    liaisonId: string | null;
    leaderId: string | null;
  }[];
  readonly people: readonly {
    id: string;
    name: string;
    departmentId: string | null;
    wecomUserId: string | null;
    dingtalkUserId: string | null;
  }[];
}

export interface OrgFileMergePlan {
  readonly departments: readonly DepartmentRow[];
  readonly people: readonly PersonRow[];
  /** Synced duplicates of people the file names with the same platform id: retired. */
  readonly displaced: readonly PersonRow[];
}

/**
 * The org file's departments and people over the stored directory. The file holds every field
 * it gives (it overrides everything else); a field it leaves out (a liaison, a platform id) is
 * left to chat settings and platform data, and a value the file set before is cleared. Every
 * row the file names is active. Only new or changed rows are returned.
 */
export function planOrgFileMerge(
  current: CurrentDirectory,
  file: OrgFileDirectory,
): OrgFileMergePlan {
  const departmentsById = new Map(current.departments.map((d) => [d.id, d]));
  const departments: DepartmentRow[] = [];
  for (const d of file.departments) {
    const before = departmentsById.get(d.id) ?? newRow<DepartmentFields>(d.id, EMPTY_DEPARTMENT);
    const update = {
      name: d.name,
      liaisonId: d.liaisonId ?? undefined,
      leaderId: d.leaderId ?? undefined,
    };
    const row = merged(before, update, ['liaisonId', 'leaderId']);
    if (row) departments.push(row);
  }
  const peopleById = new Map(current.people.map((p) => [p.id, p]));
  const people: PersonRow[] = [];
  const claimed = new Set<string>();
  for (const p of file.people) {
    const before = peopleById.get(p.id) ?? newRow<PersonFields>(p.id, EMPTY_PERSON);
    const update = {
      name: p.name,
      departmentId: p.departmentId ?? undefined,
      wecomUserId: p.wecomUserId ?? undefined,
      dingtalkUserId: p.dingtalkUserId ?? undefined,
    };
    if (p.wecomUserId) claimed.add(`wecomUserId:${p.wecomUserId}`);
    if (p.dingtalkUserId) claimed.add(`dingtalkUserId:${p.dingtalkUserId}`);
    const row = merged(before, update, ['departmentId', 'wecomUserId', 'dingtalkUserId']);
    if (row) people.push(row);
  }
  const named = new Set(file.people.map((p) => p.id));
  const displaced = current.people.flatMap((p): PersonRow[] => {
    if (named.has(p.id)) return [];
    const taken = (['wecomUserId', 'dingtalkUserId'] as const).filter((field) => {
      const userId = p.fields[field];
      return userId !== null && claimed.has(`${field}:${userId}`);
    });
    if (taken.length === 0) return [];
    const fields: PersonFields = { ...p.fields };
    const fieldSources = { ...p.fieldSources };
    for (const field of taken) {
      Object.assign(fields, { [field]: null });
      delete fieldSources[field];
    }
    return [{ ...p, active: false, fields, fieldSources }];
  });
  return { departments, people, displaced };
}

function merged<F extends object>(
  before: DirectoryRow<F>,
  update: Partial<F>,
  release: readonly (keyof F & string)[],
): DirectoryRow<F> | null {
  const result = mergeFields(before, 'org-file', update, release);
  if (result.changed.length === 0 && before.active) return null;
  return { ...before, active: true, fields: result.fields, fieldSources: result.fieldSources };
}

function newRow<F>(id: string, fields: F): DirectoryRow<F> {
  return { id, source: 'org-file', active: true, fields, fieldSources: {} };
}

const EMPTY_DEPARTMENT: DepartmentFields = {
  name: '',
  parentId: null,
  liaisonId: null,
  leaderId: null,
  wecomDeptId: null,
  dingtalkDeptId: null,
};

const EMPTY_PERSON: PersonFields = {
  name: '',
  departmentId: null,
  wecomUserId: null,
  dingtalkUserId: null,
};
