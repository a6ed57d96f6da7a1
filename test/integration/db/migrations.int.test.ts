import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../../src/infra/db/client.js';
import { runMigrations } from '../../../src/infra/db/migrate.js';
import { createPgliteTestDatabase } from '../../helpers/pglite-db.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';

async function schemaShape(db: Db): Promise<string[]> {
  const rows = await queryRows<{ t: string; c: string; d: string }>(
    db,
    sql`
    select table_name as t, column_name as c, data_type as d
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`,
  );
  return rows.map((r) => `${r.t}.${r.c}:${r.d}`);
}

async function appliedCount(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(rows[0]?.n);
}

describe.each([
  ['postgres', createTestDatabase],
  ['pglite', createPgliteTestDatabase],
])('migrations on %s', (_kind, create) => {
  let database: TestDatabase;
  afterAll(() => database?.destroy());

  it('apply to an empty database and again with no change', async () => {
    database = await create();
    const before = await schemaShape(database.db);
    expect(before.some((c) => c.startsWith('nodes.due_at:timestamp with time zone'))).toBe(true);
    const applied = await appliedCount(database.db);
    expect(applied).toBeGreaterThan(0);
    await runMigrations(database);
    expect(await schemaShape(database.db)).toEqual(before);
    expect(await appliedCount(database.db)).toBe(applied);
  });
});

it('postgres and pglite end with the same schema', async () => {
  const pg = await createTestDatabase();
  const lite = await createPgliteTestDatabase();
  try {
    expect(await schemaShape(lite.db)).toEqual(await schemaShape(pg.db));
  } finally {
    await pg.destroy();
    await lite.destroy();
  }
});
