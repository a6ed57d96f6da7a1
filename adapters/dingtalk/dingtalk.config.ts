import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ });

const dingtalkEnvSchema = z.object({
  DINGTALK_CLIENT_ID: z.string().min(1),
  DINGTALK_CLIENT_SECRET: z.string().min(1),
  /** The robot's code; for app robots it is usually the client id. */
  DINGTALK_ROBOT_CODE: z.string().min(1).optional(),
  DINGTALK_GATEWAY_URL: url.default('https://api.dingtalk.com/v1.0/gateway/connections/open'),
  DINGTALK_API_BASE: url.default('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: url.default('https://oapi.dingtalk.com'),
  DINGTALK_CARD_TEMPLATE_ID: z.string().min(1).optional(),
  DINGTALK_MODE: z.enum(['stream', 'http']).default('stream'),
  /**
   * How far an HTTP-mode request's timestamp may be from our clock. DingTalk allows an hour, but
   * it stamps a request as it sends it and Baton answers at once, so only clock skew and the
   * network lie between; five minutes leaves room for both and for a quick resend, and keeps
   * the time a captured sign can be tried (and Redis keeps its mark) twelve times shorter.
   */
  DINGTALK_CALLBACK_WINDOW_S: z.coerce.number().int().min(30).max(3_600).default(300),
  /** Calls a month the organisation may make (standard edition: 5,000). */
  DINGTALK_MONTHLY_QUOTA: z.coerce.number().int().positive().default(5_000),
  /** First wait after a failed connection attempt; doubles up to DINGTALK_RECONNECT_MAX_MS. */
  DINGTALK_RECONNECT_BASE_MS: z.coerce.number().int().min(10).default(1_000),
  /** How often the Stream connection is pinged and checked. */
  DINGTALK_HEALTH_CHECK_MS: z.coerce.number().int().min(10).default(20_000),
  /** A Stream connection without any traffic this long is replaced. */
  DINGTALK_STALE_AFTER_MS: z.coerce.number().int().min(10).default(90_000),
  /** Longest wait between two connection attempts. */
  DINGTALK_RECONNECT_MAX_MS: z.coerce.number().int().min(10).default(60_000),
});

export interface DingTalkConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly robotCode: string;
  readonly gatewayUrl: string;
  readonly apiBase: string;
  readonly oapiBase: string;
  /** Baton's card template in the card platform; null: markdown and action cards instead. */
  readonly cardTemplateId: string | null;
  readonly mode: 'stream' | 'http';
  readonly callbackWindowS: number;
  readonly monthlyQuota: number;
  readonly healthCheckMs: number;
  readonly staleAfterMs: number;
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
}

/** The DingTalk settings, or null when the deployment does not use DingTalk. */
export function loadDingTalkConfig(
  env: Readonly<Record<string, string | undefined>>,
): DingTalkConfig | null {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => k.startsWith('DINGTALK_') && v !== undefined && v !== '',
    ),
  );
  if (!present.DINGTALK_CLIENT_ID) return null;
  const e = dingtalkEnvSchema.parse(present);
  return {
    clientId: e.DINGTALK_CLIENT_ID,
    clientSecret: e.DINGTALK_CLIENT_SECRET,
    robotCode: e.DINGTALK_ROBOT_CODE ?? e.DINGTALK_CLIENT_ID,
    gatewayUrl: e.DINGTALK_GATEWAY_URL,
    apiBase: e.DINGTALK_API_BASE.replace(/\/+$/, ''),
    oapiBase: e.DINGTALK_OAPI_BASE.replace(/\/+$/, ''),
    cardTemplateId: e.DINGTALK_CARD_TEMPLATE_ID ?? null,
    mode: e.DINGTALK_MODE,
    callbackWindowS: e.DINGTALK_CALLBACK_WINDOW_S,
    monthlyQuota: e.DINGTALK_MONTHLY_QUOTA,
    healthCheckMs: e.DINGTALK_HEALTH_CHECK_MS,
    staleAfterMs: e.DINGTALK_STALE_AFTER_MS,
    reconnectBaseMs: e.DINGTALK_RECONNECT_BASE_MS,
    reconnectMaxMs: e.DINGTALK_RECONNECT_MAX_MS,
  };
}
