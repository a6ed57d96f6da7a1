import { z } from 'zod';
import { loadWecomHttpConfig, type WecomHttpConfig } from './callback/callback.config.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** The intelligent bot's long-connection variables (the HTTP side's are in callback.config). */
const longConnectionEnvSchema = z
  .object({
    WECOM_BOT_ID: optionalText,
    WECOM_BOT_SECRET: optionalText,
    /** Where the SDK connects (default WeCom's `wss://openws.work.weixin.qq.com`; a fake in tests). */
    WECOM_BOT_WS_URL: z
      .string()
      .regex(/^wss?:\/\//, { message: 'expected a ws:// or wss:// URL' })
      .optional(),
    /** How long the connection holder's Redis lease lasts without renewal. */
    WECOM_BOT_LEASE_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  })
  .refine((e) => Boolean(e.WECOM_BOT_ID) === Boolean(e.WECOM_BOT_SECRET), {
    message: 'WECOM_BOT_ID and WECOM_BOT_SECRET go together',
  });

/** The long connection's settings, when the bot id and secret are both set. */
export interface LongConnectionConfig {
  readonly botId: string;
  readonly secret: string;
  readonly wsUrl: string | undefined;
  readonly leaseMs: number;
}

export interface WecomConfig {
  readonly longConnection: LongConnectionConfig | null;
  readonly http: WecomHttpConfig;
  /** Whether any WeCom surface is configured (the module is off otherwise). */
  readonly enabled: boolean;
}

/** Thrown for WECOM_* variables that are set but invalid, naming each problem. */
export class WecomConfigError extends Error {
  override readonly name = 'WecomConfigError';
}

/** Every WECOM_* variable, validated once. */
export function loadWecomConfig(env: Readonly<Record<string, string | undefined>>): WecomConfig {
  try {
    const e = longConnectionEnvSchema.parse(env);
    const http = loadWecomHttpConfig(env);
    const longConnection =
      e.WECOM_BOT_ID && e.WECOM_BOT_SECRET
        ? {
            botId: e.WECOM_BOT_ID,
            secret: e.WECOM_BOT_SECRET,
            wsUrl: e.WECOM_BOT_WS_URL,
            leaseMs: e.WECOM_BOT_LEASE_MS,
          }
        : null;
    return {
      longConnection,
      http,
      enabled: longConnection !== null || http.bot !== null || http.app !== null,
    };
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    const problems = err.issues.map((i) => `${i.path.join('.') || 'WECOM_*'}: ${i.message}`);
    throw new WecomConfigError(`invalid WeCom settings: ${problems.join('; ')}`);
  }
}
