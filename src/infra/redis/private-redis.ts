import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { COMPACT_HASH_VALUE_BYTES } from './compact-hashes.js';
import { redisAnswers } from './redis-connection.js';

export interface PrivateRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** True when a `redis-server` binary is on PATH. */
export function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Compact scheduled-job hashes from the first command (see compact-hashes.ts); docker-compose sets the same. */
const REDIS_MEMORY_TUNING = ['--hash-max-listpack-value', String(COMPACT_HASH_VALUE_BYTES)];

/** A redis-server on loopback `port` that keeps nothing on disk (its files, if any, in `dir`). */
export function redisServerArgs(port: number, dir: string): string[] {
  return [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ];
}

/**
 * Starts a Redis for this process only, on a free loopback port, with nothing kept on disk:
 * Redis holds just the schedule, which Baton rebuilds from Postgres at start.
 */
export async function startPrivateRedis(dataDir: string, logger: Logger): Promise<PrivateRedis> {
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn('redis-server', [...redisServerArgs(port, dir), ...REDIS_MEMORY_TUNING], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisAnswers(url, 200)) {
      logger.info({ url }, 'started a private redis-server under the data dir');
      return { url, stop: () => stopChild(child) };
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  await stopChild(child);
  throw new Error(`redis-server did not start on port ${port}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
