import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatonProcesses } from './baton-processes.js';
import {
  createPrivateDatabase,
  type PrivatePostgres,
  startPrivatePostgres,
} from './private-postgres.js';
import { connectTestRedis, testQueuePrefix } from './test-redis.js';

/**
 * What a PostgreSQL outage drill runs on: a private cluster the test may stop and start, its
 * database, a data directory and a queue prefix of the test's own, and `baton` child processes;
 * `stop` takes all of it down again, Redis keys included.
 */
export async function startOutageDrill(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `baton-${name}-`));
  const prefix = testQueuePrefix();
  const processes = createBatonProcesses();
  const postgres: PrivatePostgres = await startPrivatePostgres();
  const databaseUrl = await createPrivateDatabase(postgres, 'baton');
  return {
    dir,
    prefix,
    processes,
    postgres,
    databaseUrl,
    async stop() {
      await processes.stopAll();
      await postgres.destroy();
      const redis = await connectTestRedis();
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type OutageDrill = Awaited<ReturnType<typeof startOutageDrill>>;
