import { type ChildProcess, spawn } from 'node:child_process';

/** The last this many characters of a child's output are kept for failure messages. */
const KEEP_OUTPUT_CHARS = 20_000;

export interface BatonProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** What the process wrote to stdout and stderr so far (the tail of it). */
  output(): string;
}

/**
 * `baton <command>` child processes from the sources (through tsx, as the fault tests run them),
 * with their output kept for failure messages, and a stop that kills them all even when a test
 * failed half-way through starting them.
 */
export function createBatonProcesses() {
  const running: BatonProcess[] = [];
  // Should the test runner itself go away, the children go with it.
  process.once('exit', () => {
    for (const { child } of running) if (child.exitCode === null) child.kill('SIGKILL');
  });

  const start = (
    name: string,
    command: 'serve' | 'worker' | 'all',
    env: Readonly<Record<string, string>>,
  ): BatonProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', command], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const started: BatonProcess = { name, child, output: () => output };
    running.push(started);
    return started;
  };

  /** The processes that exited, with their exit codes and output (none should, mid-test). */
  const exited = () =>
    running
      .filter((p) => p.child.exitCode !== null || p.child.signalCode !== null)
      .map((p) => `${p.name} exited (${p.child.exitCode ?? p.child.signalCode}):\n${p.output()}`);

  /** Every process's output, for a failure message. */
  const outputs = () => running.map((p) => `--- ${p.name} ---\n${p.output()}`).join('\n');

  /** SIGTERM (graceful), SIGKILL after `graceMs`; resolves once all are gone. */
  const stopAll = async (graceMs = 5_000) => {
    await Promise.all(
      running.splice(0).map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await gone;
        clearTimeout(timer);
      }),
    );
  };

  return { start, exited, outputs, stopAll };
}
