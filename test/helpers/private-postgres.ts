import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

/** How a stop treats the sessions: `fast` rolls them back and checkpoints, `immediate` crashes. */
export type PostgresStopMode = 'fast' | 'immediate';

export interface PrivatePostgres {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust authentication). */
  url(database?: string): string;
  /** Whether the server was started and not stopped since. */
  readonly running: boolean;
  /** Stops the server (pg_ctl stop; waits until it is gone). The data directory stays. */
  stop(mode?: PostgresStopMode): Promise<void>;
  /** Starts it again on the same port and data directory (waits until it takes connections). */
  start(): Promise<void>;
  /** Stops it (immediate) if running and deletes its directory. */
  destroy(): Promise<void>;
  /** The server's log so far, for failure messages. */
  log(): string;
}

/**
 * The PostgreSQL server binaries: POSTGRES_BIN_DIR when set, else the newest
 * `/usr/lib/postgresql/<version>/bin` with an initdb (Debian's layout).
 */
function binDir(): string {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) throw new Error(`no PostgreSQL server binaries under ${root}; set POSTGRES_BIN_DIR`);
  return join(root, newest, 'bin');
}

/** initdb and the server refuse to run as root: as root, run them as the `postgres` OS user. */
function asServerUser(bin: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, [...args]];
}

function run(bin: string, args: readonly string[]): Promise<void> {
  const [command, argv] = asServerUser(bin, args);
  return new Promise((resolve, reject) => {
    execFile(command, argv, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${bin} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, pg_ctl on a free
 * loopback port, its socket in that directory), which the test may stop and start again without
 * touching the shared server or other tests. fsync is off: a stop, even `immediate`, kills the
 * server's processes, not the machine, so what was committed is still in the OS's page cache.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  let running = false;
  // Should the test runner go away without destroy(), the server goes with it.
  const killOnExit = () => {
    if (!running) return;
    const [command, argv] = asServerUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-m',
      'immediate',
      'stop',
    ]);
    spawnSync(command, argv, { stdio: 'ignore', timeout: 10_000 });
  };
  process.once('exit', killOnExit);

  const pgCtl = (args: readonly string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const start = async () => {
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c max_connections=60',
    ].join(' ');
    await pgCtl(['-l', logFile, '-o', options, '-w', '-t', '30', 'start']);
    running = true;
  };
  const stop = async (mode: PostgresStopMode = 'fast') => {
    if (!running) return;
    await pgCtl(['-m', mode, '-w', '-t', '30', 'stop']);
    running = false;
  };
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const destroy = async () => {
    try {
      await stop('immediate');
    } finally {
      running = false;
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    await run(join(bin, 'initdb'), [
      '-D',
      data,
      '--username=postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    await start();
  } catch (err) {
    await destroy().catch(() => undefined);
    throw err;
  }

  return {
    port,
    url,
    get running() {
      return running;
    },
    stop,
    start,
    destroy,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}

/** Creates `name` on the private server (connecting to its `postgres` database). */
export async function createPrivateDatabase(
  server: PrivatePostgres,
  name: string,
): Promise<string> {
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return server.url(name);
}
