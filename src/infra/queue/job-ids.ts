/**
 * Deterministic, BullMQ-safe job ids: no `:` (BullMQ's key separator) and never digits only
 * (BullMQ reserves those for its own counter). The same logical job always gets the same id, so
 * adding it twice is a no-op.
 */
export function jobId(kind: string, ...parts: readonly (string | number)[]): string {
  const id = [kind, ...parts].map(String).join('-');
  if (id.includes(':')) throw new Error(`job id must not contain ":" (${id})`);
  if (/^\d+$/.test(id)) throw new Error(`job id must not be digits only (${id})`);
  return id;
}
