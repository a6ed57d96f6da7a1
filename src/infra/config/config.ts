import { resolve } from 'node:path';
import type { z } from 'zod';
import type { LogFormat } from '../logging/logger.js';
import { envSchema } from './config.schema.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Baton's configuration, typed and with defaults applied. */
export interface Config {
  readonly http: { readonly port: number; readonly host: string; readonly publicUrl: string };
  readonly db: { readonly url: string | null; readonly dataDir: string };
  readonly redis: {
    readonly url: string;
    readonly explicit: boolean;
    readonly prefix: string;
    /** Raise hash-max-listpack-value so scheduled jobs stay compact. */
    readonly tuning: boolean;
  };
  readonly queue: {
    /** A job's lock; a worker that died holding one is noticed after this long. */
    readonly jobLockMs: number;
    /** How often workers check that Redis has not lost the schedule. */
    readonly redisCheckMs: number;
  };
  readonly timezone: string;
  /** Local `HH:MM` (in `timezone`) of the weekly report and of the personal daily digest. */
  readonly schedule: { readonly weeklyReportAt: string; readonly dailyDigestAt: string };
  /** 0: no periodic directory sync (the CLI and the console button still sync). */
  readonly directorySyncEveryMs: number;
  readonly orgFile: string | null;
  /** A folder of the organisation's own SOP templates, besides the built-in ones. */
  readonly templatesDir: string | null;
  readonly adminToken: string | null;
  /**
   * The chat simulator. `auto`: on only while no real platform is configured. Beside a real
   * platform it runs in a sandbox organisation of its own, loaded from `orgFile`.
   */
  readonly simulator: { readonly mode: 'on' | 'off' | 'auto'; readonly orgFile: string | null };
  readonly admins: readonly string[];
  readonly logLevel: string;
  /** `auto`: pretty on a terminal, JSON elsewhere (see `logFormatFor`). */
  readonly logFormat: 'auto' | LogFormat;
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment once. Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map(describeIssue));
  const e = parsed.data;
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: (e.BATON_PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/+$/, ''),
    },
    db: { url: e.DATABASE_URL ?? null, dataDir: resolve(e.BATON_DATA_DIR) },
    redis: {
      url: e.REDIS_URL ?? DEFAULT_REDIS_URL,
      explicit: e.REDIS_URL !== undefined,
      prefix: e.BATON_QUEUE_PREFIX,
      tuning: e.BATON_REDIS_TUNING === 'on',
    },
    queue: { jobLockMs: e.BATON_JOB_LOCK_MS, redisCheckMs: e.BATON_REDIS_CHECK_MS },
    timezone: e.BATON_TIMEZONE,
    schedule: { weeklyReportAt: e.BATON_WEEKLY_REPORT_AT, dailyDigestAt: e.BATON_DAILY_DIGEST_AT },
    directorySyncEveryMs: e.BATON_DIRECTORY_SYNC_MINUTES * 60_000,
    orgFile: e.BATON_ORG_FILE ? resolve(e.BATON_ORG_FILE) : null,
    templatesDir: e.BATON_TEMPLATES_DIR ? resolve(e.BATON_TEMPLATES_DIR) : null,
    adminToken: e.BATON_ADMIN_TOKEN ?? null,
    simulator: {
      mode: e.BATON_SIMULATOR,
      orgFile: e.BATON_SIMULATOR_ORG_FILE ? resolve(e.BATON_SIMULATOR_ORG_FILE) : null,
    },
    admins: (e.BATON_ADMINS ?? '')
      .split(/[,\s]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ''),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
  };
}

/** An empty variable (`PORT=`) means "unset", as in most twelve-factor apps. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.join('.') || '(environment)';
  return `${name}: ${issue.message}`;
}
