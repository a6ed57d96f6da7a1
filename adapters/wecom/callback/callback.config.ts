import { z } from 'zod';

const encodingAesKey = z.string().regex(/^[A-Za-z0-9]{43}$/, {
  message: 'must be the 43-character EncodingAESKey from the WeCom admin console',
});
const callbackToken = z.string().regex(/^[A-Za-z0-9]{1,32}$/, {
  message: 'must be the callback Token (letters and digits, at most 32)',
});

/** The WeCom HTTP side's variables: API-mode bot callbacks, the self-built app, the API host. */
export const wecomHttpEnvSchema = z
  .object({
    WECOM_API_BASE: z.url({ protocol: /^https?$/ }).default('https://qyapi.weixin.qq.com'),
    WECOM_BOT_TOKEN: callbackToken.optional(),
    WECOM_BOT_AES_KEY: encodingAesKey.optional(),
    WECOM_CORP_ID: z.string().min(1).optional(),
    WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
    WECOM_APP_SECRET: z.string().min(1).optional(),
    WECOM_APP_TOKEN: callbackToken.optional(),
    WECOM_APP_AES_KEY: encodingAesKey.optional(),
    /** How far a callback's timestamp may be from our clock. */
    WECOM_CALLBACK_WINDOW_S: z.coerce.number().int().min(30).max(3_600).default(300),
  })
  .refine((e) => Boolean(e.WECOM_BOT_TOKEN) === Boolean(e.WECOM_BOT_AES_KEY), {
    message: 'WECOM_BOT_TOKEN and WECOM_BOT_AES_KEY go together',
  })
  .refine(
    (e) =>
      !(e.WECOM_APP_TOKEN || e.WECOM_APP_AES_KEY || e.WECOM_APP_SECRET) ||
      Boolean(e.WECOM_CORP_ID && e.WECOM_AGENT_ID && e.WECOM_APP_TOKEN && e.WECOM_APP_AES_KEY),
    {
      message:
        'the self-built app needs WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_APP_TOKEN and WECOM_APP_AES_KEY',
    },
  );

/** Keys of one callback receiver: what WeCom signs and encrypts with, and whom it addresses. */
export interface CallbackKeys {
  readonly token: string;
  readonly aesKey: string;
  /** The receive id inside every ciphertext: CorpID for the app, "" for an intelligent bot. */
  readonly receiveId: string;
}

export interface WecomHttpConfig {
  readonly apiBase: string;
  readonly windowS: number;
  /** API-mode intelligent bot (`/wecom/bot`); null when not configured. */
  readonly bot: CallbackKeys | null;
  /** Self-built app (`/wecom/app` and message/send); null when not configured. */
  readonly app:
    | (CallbackKeys & {
        readonly corpId: string;
        readonly agentId: number;
        readonly secret: string | null;
      })
    | null;
}

/** The WeCom HTTP settings from the environment (validated once; throws a zod error on mistakes). */
export function loadWecomHttpConfig(
  env: Readonly<Record<string, string | undefined>>,
): WecomHttpConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('WECOM_') && v !== undefined && v !== ''),
  );
  const e = wecomHttpEnvSchema.parse(present);
  return {
    apiBase: e.WECOM_API_BASE.replace(/\/+$/, ''),
    windowS: e.WECOM_CALLBACK_WINDOW_S,
    bot:
      e.WECOM_BOT_TOKEN && e.WECOM_BOT_AES_KEY
        ? { token: e.WECOM_BOT_TOKEN, aesKey: e.WECOM_BOT_AES_KEY, receiveId: '' }
        : null,
    app:
      e.WECOM_CORP_ID && e.WECOM_AGENT_ID && e.WECOM_APP_TOKEN && e.WECOM_APP_AES_KEY
        ? {
            token: e.WECOM_APP_TOKEN,
            aesKey: e.WECOM_APP_AES_KEY,
            receiveId: e.WECOM_CORP_ID,
            corpId: e.WECOM_CORP_ID,
            agentId: e.WECOM_AGENT_ID,
            secret: e.WECOM_APP_SECRET ?? null,
          }
        : null,
  };
}
