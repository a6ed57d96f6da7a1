import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/infra/db/client.js';
import { runMigrations } from '../../src/infra/db/migrate.js';
import { databaseUrl, withAdminClient } from './postgres-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Migrates one template database per run; each test file then clones it (CREATE DATABASE …
 * TEMPLATE), which is fast and keeps files independent and parallel-safe.
 */
export default async function setup(project: TestProject) {
  const name = `baton_tpl_${randomUUID().slice(0, 8)}`;
  await withAdminClient((c) => c.query(`create database ${name}`));
  const database = await openDatabase({
    url: databaseUrl(name),
    dataDir: '',
    logger: pino({ level: 'silent' }),
  });
  await runMigrations(database);
  await database.close();
  project.provide('templateDatabase', name);
  return async () => {
    await withAdminClient((c) => c.query(`drop database if exists ${name} with (force)`));
  };
}
