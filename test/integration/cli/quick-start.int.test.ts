import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/free-port.js';
import { testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const CLI = ['--import', 'tsx', 'src/main/cli.ts'];

function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [...CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<Response> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('baton exited before serving');
    try {
      return await fetch(url);
    } catch {
      await sleep(100);
    }
  }
  throw new Error('baton did not serve /healthz within 30 s');
}

describe('the README quick start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-quickstart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('`baton all` serves with embedded PGlite and no DATABASE_URL, then stops on SIGTERM', async () => {
    const port = await freePort();
    const run = runCli(['all'], {
      PORT: String(port),
      BATON_DATA_DIR: dataDir,
      BATON_QUEUE_PREFIX: testQueuePrefix(),
      LOG_LEVEL: 'info',
    });
    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, run.child);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    expect(run.output()).toContain('Console:');
    expect(run.output()).toContain('loaded the sample organisation');
    const token = /token=([\w-]+)/.exec(run.output())?.[1];
    const org = await fetch(`http://127.0.0.1:${port}/api/org/default?token=${token}`);
    expect(org.status).toBe(200);
    // The whole engine works on the embedded database: a command becomes a task card.
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${base}/sim/api/state`)).status).toBe(401);
    const sent = await fetch(`${base}/sim/api/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation: 'office',
        personId: 'zhengyi',
        text: '/任务 修空调；联系供应商 @张三 2小时内',
      }),
    });
    expect(sent.status).toBe(202);
    await waitFor(
      async () => {
        const { entries } = (await (
          await fetch(`${base}/sim/api/conversations/office`, { headers: auth })
        ).json()) as {
          entries: { body: { kind: string; card?: { title: string } } }[];
        };
        return entries.some((e) => e.body.card?.title === '#1 修空调');
      },
      { what: 'the task card in the simulator', timeoutMs: 20_000 },
    );
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('shutting down');
    // The admin token was generated once and must not be in the structured logs.
    const logLines = run
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.some((l) => token && l.includes(token))).toBe(false);
  }, 60_000);

  it.each([
    [['all'], { PORT: 'eighty', BATON_TIMEZONE: 'Nowhere/Place' }, /PORT:.*\n.*BATON_TIMEZONE:/],
    [['serve'], {}, /needs a shared PostgreSQL: set DATABASE_URL/],
    [['org', 'import', 'test/fixtures/org/broken.yaml'], {}, /broken\.yaml:2:\d+ workHours/],
    [['frobnicate'], {}, /Unknown command "frobnicate"/],
  ])(
    '`baton %s` fails clearly',
    async (args, env, message) => {
      const run = runCli(args, { BATON_DATA_DIR: dataDir, ...env });
      const code = await run.exited;
      expect(code).toBeGreaterThan(0);
      expect(run.output()).toMatch(message);
      expect(run.output()).not.toMatch(/^\s+at /m);
    },
    30_000,
  );
});
