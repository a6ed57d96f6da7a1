import { spawn } from 'node:child_process';
import type { Redis } from 'ioredis';
import { bullPrefix } from '../src/infra/queue/queue-names.js';
import { REDIS_URL } from './bench-kit.js';

/**
 * `baton worker` as a child process on the benchmark's database and queue prefix; ready once its
 * start-up reconciliation has marked the schedule intact in Redis.
 */
export async function startWorkerProcess(env: Record<string, string>, redis: Redis) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'worker'], {
    env: { ...process.env, REDIS_URL, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const marker = `${bullPrefix(env.BATON_QUEUE_PREFIX ?? 'baton')}:intact`;
  const deadline = Date.now() + 60_000;
  while (!(await redis.exists(marker))) {
    if (child.exitCode !== null) throw new Error(`baton worker exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('baton worker did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    poke: () => undefined,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
