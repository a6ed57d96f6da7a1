import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it (node-postgres or embedded PGlite). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Runs `select 1`; rejects when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Connects to Postgres at `url`, or opens embedded PGlite in `<dataDir>/pglite` when url is null. */
export async function openDatabase(options: {
  url: string | null;
  dataDir: string;
  logger: Logger;
  poolSize?: number;
}): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10, options.logger)
    : openPglite(join(options.dataDir, 'pglite'));
}

function openPostgres(url: string, poolSize: number, logger: Logger): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (Postgres restart) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'postgres idle client lost'));
  // A client in use but between queries (inside a transaction) that loses its connection emits
  // `error` on itself, which the pool does not catch: without this it crashes the process. The
  // work using it fails on its next query and the client is discarded on release.
  pool.on('connect', (client) => {
    client.on('error', (err) => logger.warn({ err: err.message }, 'postgres connection lost'));
  });
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string): Promise<Database> {
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
