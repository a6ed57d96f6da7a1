import { z } from 'zod';
import { isKnownTimeZone } from './time-zone.js';

const port = z.coerce.number().int().min(1).max(65_535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const timezone = z
  .string()
  .refine(isKnownTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai' });

/** `HH:MM` on a 24-hour clock. */
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time such as 09:00' });

/** Environment variables Baton reads, with their defaults. Parsed once at start. */
export const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BATON_PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// or postgresql:// URL' })
    .optional(),
  BATON_DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'expected a redis:// or rediss:// URL' })
    .optional(),
  BATON_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'expected 1-40 letters, digits, _ or -' })
    .default('baton'),
  BATON_TIMEZONE: timezone.default('Asia/Shanghai'),
  BATON_ORG_FILE: optionalText,
  BATON_TEMPLATES_DIR: optionalText,
  BATON_ADMIN_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  BATON_ADMINS: optionalText,
  /** How long a worker holds a job before others treat it as dead (BullMQ lock and stall check). */
  BATON_JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
  /** How often each worker checks that Redis still holds Baton's data (FLUSHALL, failover). */
  BATON_REDIS_CHECK_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  /** Whether Baton raises Redis' hash-max-listpack-value at start (src/infra/redis/compact-hashes.ts). */
  BATON_REDIS_TUNING: z.enum(['on', 'off']).default('on'),
  /** When the weekly report goes to coordination chats (org time, first working day of the week). */
  BATON_WEEKLY_REPORT_AT: clockTime.default('09:00'),
  /** When the personal daily digest goes out (org time, working days). */
  BATON_DAILY_DIGEST_AT: clockTime.default('09:00'),
  /** How often the directory is synced from WeCom/DingTalk contacts; 0 turns the hourly sync off. */
  BATON_DIRECTORY_SYNC_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** The chat simulator: `auto` serves it only while no real platform (WeCom, DingTalk) is set up. */
  BATON_SIMULATOR: z.enum(['on', 'off', 'auto']).default('auto'),
  /** The simulator's sandbox organisation beside a real platform; unset: the sample org. */
  BATON_SIMULATOR_ORG_FILE: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: readable lines on a terminal, JSON (one object a line) anywhere else. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
});

export type Env = z.infer<typeof envSchema>;
