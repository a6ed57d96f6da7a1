import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const aesKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{43}$/, { message: 'expected the 43-character EncodingAESKey' })
  .optional();

/** The WECOM_* environment variables. All optional: a deployment without WeCom sets none. */
export const wecomEnvSchema = z.object({
  /** Intelligent bot (智能机器人), long-connection mode. */
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  WECOM_BOT_WS_URL: z
    .string()
    .regex(/^wss?:\/\//, { message: 'expected a ws:// or wss:// URL' })
    .optional(),
  /** How long the long-connection holder's Redis lease lasts without renewal. */
  WECOM_BOT_LEASE_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  /** Intelligent bot, HTTP callback mode (API 模式). */
  WECOM_BOT_TOKEN: optionalText,
  WECOM_BOT_AES_KEY: aesKey,
  /** Self-built app (自建应用). */
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText,
  WECOM_APP_SECRET: optionalText,
  WECOM_APP_TOKEN: optionalText,
  WECOM_APP_AES_KEY: aesKey,
  /** Where the WeCom HTTP API lives (a local fake in tests). */
  WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
});

export type WecomEnv = z.infer<typeof wecomEnvSchema>;

/** The long connection's settings, when the bot id and secret are both set. */
export interface LongConnectionConfig {
  readonly botId: string;
  readonly secret: string;
  readonly wsUrl: string | undefined;
  readonly leaseMs: number;
}

export interface WecomConfig {
  readonly env: WecomEnv;
  readonly longConnection: LongConnectionConfig | null;
  /** Whether any WeCom surface is configured (the module is off otherwise). */
  readonly enabled: boolean;
}

/** Thrown for WECOM_* variables that are set but invalid, naming each one. */
export class WecomConfigError extends Error {
  override readonly name = 'WecomConfigError';
}

export function loadWecomConfig(env: Readonly<Record<string, string | undefined>>): WecomConfig {
  const parsed = wecomEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new WecomConfigError(`invalid WeCom settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (Boolean(e.WECOM_BOT_ID) !== Boolean(e.WECOM_BOT_SECRET)) {
    throw new WecomConfigError('set WECOM_BOT_ID and WECOM_BOT_SECRET together');
  }
  const longConnection =
    e.WECOM_BOT_ID && e.WECOM_BOT_SECRET
      ? {
          botId: e.WECOM_BOT_ID,
          secret: e.WECOM_BOT_SECRET,
          wsUrl: e.WECOM_BOT_WS_URL,
          leaseMs: e.WECOM_BOT_LEASE_MS,
        }
      : null;
  const callbackMode = Boolean(e.WECOM_BOT_TOKEN && e.WECOM_BOT_AES_KEY);
  const app = Boolean(e.WECOM_CORP_ID && e.WECOM_APP_SECRET && e.WECOM_AGENT_ID);
  return { env: e, longConnection, enabled: longConnection !== null || callbackMode || app };
}
