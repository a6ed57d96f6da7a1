import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/free-port.js';
import { testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const CLI = ['--import', 'tsx', 'src/main/cli.ts'];

/** `baton …` with its output piped (not a terminal), or on a pseudo-terminal through script(1). */
function runCli(args: string[], env: Record<string, string>, options: { tty?: boolean } = {}) {
  const [command, argv] = options.tty
    ? ['script', ['-qec', [process.execPath, ...CLI, ...args].join(' '), '/dev/null']]
    : [process.execPath, [...CLI, ...args]];
  const child = spawn(command, argv, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** On a busy 2-core machine a first start (PGlite, migrations, Redis) can take a minute. */
const START_MS = 150_000;

/** Waits until Baton says it is ready (PostgreSQL and Redis answer), however long it takes. */
async function waitForReady(base: string, child: ChildProcess): Promise<void> {
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error('baton exited before serving');
      const ready = await fetch(`${base}/readyz`).catch(() => null);
      return (
        ready?.status === 200 && ((await ready.json()) as { status: string }).status === 'ready'
      );
    },
    { what: 'baton ready', timeoutMs: START_MS, intervalMs: 200 },
  );
}

describe('the README quick start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-quickstart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  let token = '';

  it(
    '`baton all` serves with embedded PGlite and no DATABASE_URL, then stops on SIGTERM',
    async () => {
      const port = await freePort();
      const run = runCli(['all'], {
        PORT: String(port),
        BATON_DATA_DIR: dataDir,
        BATON_QUEUE_PREFIX: testQueuePrefix(),
        LOG_LEVEL: 'info',
      });
      const base = `http://127.0.0.1:${port}`;
      await waitForReady(base, run.child);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(run.output()).toContain('loaded the sample organisation');
      // Output that is not a terminal gets the links without the generated token, and its file.
      token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
      expect(run.output()).toContain(`Console:   ${base}/\n`);
      expect(run.output()).toContain(`Simulator: ${base}/sim\n`);
      expect(run.output()).toContain(`Admin token: in ${join(dataDir, 'admin-token')}`);
      expect(run.output()).not.toContain(token);
      const auth = { authorization: `Bearer ${token}` };
      const org = await fetch(`${base}/api/org/default?token=${token}`);
      expect(org.status).toBe(200);
      expect((await fetch(`${base}/sim/api/state`)).status).toBe(401);
      // The whole engine works on the embedded database: a command becomes a task card.
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
        { what: 'the task card in the simulator', timeoutMs: 60_000 },
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
      expect(logLines.some((l) => l.includes(token))).toBe(false);
    },
    START_MS + 90_000,
  );

  it(
    'puts the token it made into the links on a terminal, at the next start too',
    async () => {
      expect(token).not.toBe('');
      const port = await freePort();
      const run = runCli(
        ['all'],
        { PORT: String(port), BATON_DATA_DIR: dataDir, BATON_QUEUE_PREFIX: testQueuePrefix() },
        { tty: true },
      );
      const base = `http://127.0.0.1:${port}`;
      await waitFor(() => run.output().includes('Simulator:'), {
        what: `the start-up banner\n${run.output()}`,
        timeoutMs: START_MS,
      });
      expect(run.output()).toContain(`Console:   ${base}/?token=${token}`);
      expect(run.output()).toContain(`Simulator: ${base}/sim?token=${token}`);
      const opened = await fetch(`${base}/sim?token=${token}`);
      expect(opened.status).toBe(200);
      run.child.kill('SIGTERM');
      await run.exited;
    },
    START_MS + 30_000,
  );

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
