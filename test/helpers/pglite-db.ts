import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/infra/db/client.js';
import { runMigrations } from '../../src/infra/db/migrate.js';
import type { TestDatabase } from './test-db.js';
import { silentLogger } from './test-logger.js';

/** A migrated embedded PGlite database in a temp dir of its own. */
export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-pglite-'));
  const database = await openDatabase({ url: null, dataDir: dir, logger: silentLogger });
  await runMigrations(database);
  return {
    ...database,
    url: `pglite:${dir}`,
    async destroy() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
