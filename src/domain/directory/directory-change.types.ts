/** One thing a directory sync found changed; each becomes an event-log row. */
export type DirectoryChange =
  | { readonly kind: 'department.created'; readonly departmentId: string; readonly name: string }
  | {
      readonly kind: 'department.renamed';
      readonly departmentId: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'department.removed'; readonly departmentId: string; readonly name: string }
  | {
      readonly kind: 'department.leader_changed';
      readonly departmentId: string;
      readonly from: string | null;
      readonly to: string | null;
    }
  | {
      readonly kind: 'person.joined';
      readonly personId: string;
      readonly name: string;
      readonly departmentId: string | null;
    }
  | {
      readonly kind: 'person.moved';
      readonly personId: string;
      readonly from: string | null;
      readonly to: string | null;
    }
  | {
      readonly kind: 'person.renamed';
      readonly personId: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'person.left'; readonly personId: string; readonly name: string }
  | { readonly kind: 'person.returned'; readonly personId: string; readonly name: string };

export type DirectoryChangeKind = DirectoryChange['kind'];

/** How many changes of each kind; what the console and the CLI show for a sync. */
export function countChanges(
  changes: readonly DirectoryChange[],
): Partial<Record<DirectoryChangeKind, number>> {
  const counts: Partial<Record<DirectoryChangeKind, number>> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return counts;
}
