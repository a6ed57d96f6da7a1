#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from '../infra/config/config.js';
import { importOrgFile } from '../infra/db/repositories/org-import.drizzle.js';
import { routeConsoleToLogger } from '../infra/logging/console-to-logger.js';
import { createLogger, logFormatFor } from '../infra/logging/logger.js';
import { OrgFileError, readOrgFile } from '../infra/org/org-file.parser.js';
import { createOutboxWakeupPublisher } from '../infra/outbox/outbox-wakeup.js';
import { formatQueueStatus, readQueueStatus } from '../infra/queue/queue-status.js';
import { createQueues } from '../infra/queue/queues.js';
import { calendarCommand } from './calendar-command.js';
import { createDirectorySyncRunner } from './directory-sync.js';
import { openDatabaseAndMigrate, openInfrastructure, StartupError } from './infrastructure.js';
import { bootstrapOrg } from './org-bootstrap.js';
import { createPlatformModules } from './platform-modules.js';
import { runProcess } from './run-process.js';
import { type StartupProgress, terminalProgress } from './startup-progress.js';

const USAGE = `Usage: baton <command>

  all                 HTTP server and workers in one process (what \`npm start\` runs)
  serve               HTTP server only
  worker              background workers only
  migrate             apply database migrations and exit
  org import <file>   load an org file (YAML) into the database and exit
  directory sync      sync people and departments from WeCom/DingTalk contacts and exit
  queues              show the job queues, the outbox and the deliveries (what waits or fails)
  calendar            per year, whether the State Council's holiday schedule is loaded and from where
  calendar import <file>  load one year's schedule (see calendars/README.md) and show the above
  help                show this text

Configuration comes from the environment; see README.md.`;

async function main(argv: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig(process.env);
  const toTerminal = process.stdout.isTTY === true;
  const logger = createLogger(config.logLevel, logFormatFor(config.logFormat, toTerminal));
  const progress = terminalProgress(process.stdout);
  switch (command) {
    case 'all':
    case 'serve':
    case 'worker':
      routeConsoleToLogger(logger);
      await runProcess(command, config, logger, progress);
      return -1;
    case 'migrate':
      await migrateOnly(config, logger, progress);
      return 0;
    case 'org':
      return orgCommand(rest, config, logger);
    case 'directory':
      return directoryCommand(rest, config, logger);
    case 'queues':
      return queuesCommand(rest, config, logger);
    case 'calendar':
      return calendarCommand(rest, config, logger);
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}

async function migrateOnly(
  config: Config,
  logger: Logger,
  progress: StartupProgress,
): Promise<void> {
  const database = await openDatabaseAndMigrate(config, logger, progress);
  await database.close();
}

async function orgCommand(
  args: readonly string[],
  config: Config,
  logger: Logger,
): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'import' || file === undefined) {
    process.stderr.write('Usage: baton org import <file>\n');
    return 2;
  }
  const orgFile = await readOrgFile(file);
  const database = await openDatabaseAndMigrate(config, logger);
  try {
    const summary = await importOrgFile(database.db, orgFile);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

async function directoryCommand(
  args: readonly string[],
  config: Config,
  logger: Logger,
): Promise<number> {
  if (args.join(' ') !== 'sync') {
    process.stderr.write('Usage: baton directory sync\n');
    return 2;
  }
  const infra = await openInfrastructure(config, logger);
  const modules = await createPlatformModules({ config, env: process.env, infra, logger });
  try {
    await bootstrapOrg(config, infra.database.db, logger);
    const sync = createDirectorySyncRunner(
      infra.database.db,
      modules.flatMap((m) => (m.contacts ? [m.contacts] : [])),
      createOutboxWakeupPublisher(infra.redis, config.redis.prefix, logger),
    );
    if (!sync) {
      process.stderr.write(
        'No platform with contacts is configured: set the DINGTALK_* or WECOM_* variables (see docs/directory.md).\n',
      );
      return 1;
    }
    process.stdout.write(`${JSON.stringify(await sync('cli'), null, 2)}\n`);
    return 0;
  } finally {
    await Promise.all(modules.map((m) => m.close()));
    await infra.close();
  }
}

async function queuesCommand(
  args: readonly string[],
  config: Config,
  logger: Logger,
): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('Usage: baton queues\n');
    return 2;
  }
  const infra = await openInfrastructure(config, logger);
  const queues = createQueues(infra.redis, config.redis.prefix);
  try {
    const status = await readQueueStatus(queues, infra.database.db);
    process.stdout.write(`${formatQueueStatus(status)}\n`);
    return 0;
  } finally {
    await queues.close();
    await infra.close();
  }
}

/** Errors the person at the terminal can fix are printed plainly; anything else with its stack. */
function reportFatal(err: unknown): number {
  if (err instanceof ConfigError || err instanceof OrgFileError || err instanceof StartupError) {
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a long-running mode; it exits through its own signal handling.
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    process.exitCode = reportFatal(err);
  },
);
