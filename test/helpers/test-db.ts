import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/infra/db/client.js';
import { databaseUrl, withAdminClient } from './postgres-admin.js';

export interface TestDatabase extends Database {
  readonly url: string;
  /** Closes the connections and drops the database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database of the test file's own, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const name = `baton_t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await withAdminClient((c) => c.query(`create database ${name} template ${template}`));
  const url = databaseUrl(name);
  const database = await openDatabase({
    url,
    dataDir: '',
    logger: pino({ level: 'silent' }),
    poolSize: 4,
  });
  return {
    ...database,
    url,
    async destroy() {
      await database.close();
      await withAdminClient((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
