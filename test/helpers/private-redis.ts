import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type PrivateRedis,
  redisServerArgs,
  startPrivateRedis,
} from '../../src/infra/redis/private-redis.js';
import { redisAnswers } from '../../src/infra/redis/redis-connection.js';
import { freePort } from './free-port.js';
import { silentLogger } from './test-logger.js';
import { waitFor } from './wait-for.js';

/** A redis-server of the test's own, which it may flush or stop without touching other tests. */
export async function startTestRedisServer(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-redis-'));
  const redis = await startPrivateRedis(dir, silentLogger);
  return {
    url: redis.url,
    async stop() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A redis-server of the test's own, with Redis' default settings (and `extraArgs`), that can be
 * stopped and started again on the same port.
 */
export async function startRestartableRedis(extraArgs: readonly string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', [...redisServerArgs(port, dir), ...extraArgs], {
      stdio: 'ignore',
    });
    await waitFor(() => redisAnswers(url, 200), { what: 'redis-server up', timeoutMs: 10_000 });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    /** Stops Redis (everything in it is gone: it keeps nothing on disk) and starts it again. */
    async restart(downMs: number) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
