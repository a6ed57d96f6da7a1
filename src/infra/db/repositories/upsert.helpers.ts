import { sql } from 'drizzle-orm';

/** `{ col: excluded.col }` for an upsert's SET clause, plus a fresh updated_at. */
export function excludedSet(columns: readonly string[]) {
  return Object.fromEntries([
    ...columns.map((c) => [snakeToCamel(c), sql.raw(`excluded.${c}`)]),
    ['updatedAt', sql`now()`],
  ]);
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
