import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/free-port.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { TEST_REDIS_URL, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const CLI = [process.execPath, '--import', 'tsx', 'src/main/cli.ts', 'all'];
const START_MS = 120_000;

/**
 * `baton all` until it serves, then two requests (a page and a 404) and SIGTERM: everything it
 * wrote, stdout and stderr. `tty`: on a pseudo-terminal through script(1).
 */
async function startAndStop(env: Record<string, string>, tty: boolean): Promise<string> {
  const port = await freePort();
  const [command = '', ...args] = tty ? ['script', '-qec', CLI.join(' '), '/dev/null'] : CLI;
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await waitFor(() => output.includes('Baton is running.'), {
    what: `the start-up banner\n${output}`,
    timeoutMs: START_MS,
    intervalMs: 100,
  });
  const base = `http://127.0.0.1:${port}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/no-such-page`)).status).toBe(404);
  child.kill('SIGTERM');
  await exited;
  return output;
}

describe('what `baton all` prints while it starts', () => {
  let database: TestDatabase;
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-startup-'));
  const env = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    BATON_DATA_DIR: dataDir,
    BATON_QUEUE_PREFIX: testQueuePrefix(),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'on a terminal: a progress line per step, then readable log lines',
    async () => {
      const output = await startAndStop(env(), true);
      const steps = [
        '数据库迁移…',
        '连接 Redis',
        '载入示例组织…',
        '启动后台任务…',
        '启动网页服务…',
      ];
      const at = steps.map((step) => output.indexOf(`  ${step}`));
      expect(
        at.every((i) => i >= 0),
        output,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(output).toMatch(/\[\d\d:\d\d:\d\d\] .*INFO.*: .*database ready, migrations applied/);
      expect(output).not.toMatch(/^\{"level"/m);
      expect(output).not.toContain('FSTDEP');
      expect(output).not.toContain('request completed');
      expect(output).not.toContain('incoming request');
    },
    START_MS + 30_000,
  );

  it(
    'elsewhere: JSON log lines only, no progress lines, no deprecation, no line per request',
    async () => {
      const output = await startAndStop(env(), false);
      const lines = output.split('\n').filter((line) => line.trim() !== '');
      const logLines = lines.filter((line) => line.startsWith('{'));
      expect(logLines.map((line) => JSON.parse(line).msg)).toContain('Baton is serving');
      // The rest is the banner (links without the token, since this is not a terminal).
      expect(lines.filter((line) => !line.startsWith('{') && !line.startsWith('  '))).toEqual([]);
      expect(output).not.toContain('数据库迁移');
      expect(output).not.toContain('FSTDEP');
      expect(output).not.toContain('request completed');
      expect(output).not.toContain('incoming request');
      expect(logLines.some((line) => JSON.parse(line).level >= 50)).toBe(false);
    },
    START_MS + 30_000,
  );
});
