import type { DirectorySource, FieldSources } from './directory.types.js';

/** The org file overrides chat settings, which override platform data. */
const RANK: Readonly<Record<DirectorySource, number>> = {
  'org-file': 3,
  chat: 2,
  wecom: 1,
  dingtalk: 1,
};

/** Whether a value set by `holder` must stay when `writer` writes the same field. */
export function outranks(holder: DirectorySource | undefined, writer: DirectorySource): boolean {
  return holder !== undefined && RANK[holder] > RANK[writer];
}

export interface SourcedFields<F> {
  readonly fields: F;
  readonly fieldSources: FieldSources<F>;
}

export interface FieldMerge<F> extends SourcedFields<F> {
  /** Fields whose value or source changed. */
  readonly changed: readonly (keyof F & string)[];
  /** Fields the writer wanted to set but a higher source holds, with that source. */
  readonly heldBy: readonly { field: keyof F & string; source: DirectorySource }[];
}

/**
 * `writer` sets the fields in `update`, except those a higher source holds. Fields listed in
 * `release` are ones the writer no longer names: a value it set before is cleared (null), so the
 * next lower source may fill it; a value another source set stays.
 */
export function mergeFields<F extends object>(
  current: SourcedFields<F>,
  writer: DirectorySource,
  update: Partial<F>,
  release: readonly (keyof F & string)[] = [],
): FieldMerge<F> {
  const fields = { ...current.fields } as Record<string, unknown>;
  const fieldSources = { ...current.fieldSources } as Record<string, DirectorySource>;
  const changed: (keyof F & string)[] = [];
  const heldBy: { field: keyof F & string; source: DirectorySource }[] = [];
  for (const field of Object.keys(update) as (keyof F & string)[]) {
    const value = update[field];
    if (value === undefined) continue;
    const holder = fieldSources[field];
    if (outranks(holder, writer)) {
      if (fields[field] !== value) heldBy.push({ field, source: holder as DirectorySource });
      continue;
    }
    if (fields[field] !== value || holder !== writer) changed.push(field);
    fields[field] = value;
    fieldSources[field] = writer;
  }
  for (const field of release) {
    if (update[field] !== undefined || fieldSources[field] !== writer) continue;
    if (fields[field] !== null) fields[field] = null;
    delete fieldSources[field];
    changed.push(field);
  }
  return { fields: fields as F, fieldSources: fieldSources as FieldSources<F>, changed, heldBy };
}
