import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../helpers/free-port.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { TEST_REDIS_URL, testQueuePrefix } from '../helpers/test-redis.js';

export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789';

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`baton exited before serving:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`baton did not become ready within 30 s:\n${output()}`);
}

/**
 * `baton all` as a user starts it (the CLI, one process), on a database and a queue prefix of
 * this test file's own, with the fast-ladder organisation so reminders and escalations come
 * within seconds, through the real scheduler.
 */
export async function startBaton() {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-browser-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'all'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      BATON_PUBLIC_URL: url,
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: testQueuePrefix(),
      BATON_ORG_FILE: 'test/fixtures/org/fast-ladder.yaml',
      BATON_ADMIN_TOKEN: ADMIN_TOKEN,
      BATON_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(`${url}/readyz`, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, output: () => output, stop };
}
