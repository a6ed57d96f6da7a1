import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { type Database, openDatabase } from '../src/infra/db/client.js';
import { runMigrations } from '../src/infra/db/migrate.js';

/** The server benchmarks use: DATABASE_URL when set, else the machine's local Postgres. */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const quiet = pino({ level: 'silent' });

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type BenchDatabase = Database & { url: string; drop(): Promise<void> };

/** A fresh, migrated database for one benchmark, dropped afterwards. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const name = `baton_bench_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    url: url.toString(),
    dataDir: '',
    logger: quiet,
    poolSize: 10,
  });
  await runMigrations(database);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Prints a markdown table (what `docs/BENCHMARKS.md` quotes). */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
) {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  process.stdout.write(
    `\n### ${title}\n\n${line(header)}\n${line(header.map(() => '---'))}\n${rows.map(line).join('\n')}\n`,
  );
}
