import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';

/** errcodes that mean the access token must be fetched again (invalid, missing, expired). */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40014, 41001, 42001]);

/** Deployment mistakes an operator must fix; retrying cannot help. */
const CONFIGURATION_ERRCODES: ReadonlyMap<number, string> = new Map([
  [40001, '应用 Secret 无效（WECOM_APP_SECRET）'],
  [40013, '企业 ID 无效（WECOM_CORP_ID）'],
  [40056, '应用 AgentId 无效（WECOM_AGENT_ID）'],
  [48002, '应用没有此接口权限'],
  [60020, '本机出口 IP 不在应用的「企业可信IP」中'],
  [93000, '群机器人 webhook key 无效'],
]);

/** A minute's limit blocks for 60 s (WeCom's frequency rules); concurrency limits clear sooner. */
const RATE_LIMITS: ReadonlyMap<number, number> = new Map([
  [45009, 60_000],
  [45033, 5_000],
]);

/** An answer from WeCom with a non-zero errcode. */
export interface WecomErrorAnswer {
  readonly errcode: number;
  readonly errmsg: string;
}

/** The delivery queue's view of a WeCom errcode. */
export function errorForErrcode(api: string, answer: WecomErrorAnswer): ChatPlatformError {
  const { errcode } = answer;
  const code = String(errcode);
  const message = `WeCom ${api} errcode ${errcode}`;
  if (errcode === -1)
    return new ChatPlatformError('transient', `${message} (system busy)`, { code });
  const retryAfterMs = RATE_LIMITS.get(errcode);
  if (retryAfterMs) return new ChatPlatformError('rate-limited', message, { code, retryAfterMs });
  const hint = CONFIGURATION_ERRCODES.get(errcode);
  if (hint) return new ChatPlatformError('configuration', `${message}: ${hint}`, { code });
  if (TOKEN_ERRCODES.has(errcode)) {
    return new ChatPlatformError('configuration', `${message}: access token refused twice`, {
      code,
    });
  }
  // Bad user ids, used or expired response codes, payloads WeCom refuses: the same call fails
  // again, so the caller gives up or re-sends a fresh message instead.
  return new ChatPlatformError('permanent', message, { code });
}
