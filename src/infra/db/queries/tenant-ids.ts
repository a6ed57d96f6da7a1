import type { Db } from '../client.js';
import { tenants } from '../schema/index.js';

/** Every tenant's id: the repeatable jobs visit each organisation. */
export async function tenantIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: tenants.id }).from(tenants).orderBy(tenants.id);
  return rows.map((r) => r.id);
}
