import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';

/** DingTalk says the token is bad or expired: drop the cached one and ask again. */
export class InvalidTokenError extends Error {
  constructor() {
    super('DingTalk refused the access token');
    this.name = 'InvalidTokenError';
  }
}

/** A wait of `baseMs` to twice that, so many workers do not retry in step. */
export function jittered(baseMs: number): number {
  return Math.round(baseMs * (1 + Math.random()));
}

/**
 * A new-style OpenAPI failure (`{code, message}` with an HTTP status) as a ChatPlatformError,
 * or InvalidTokenError when a fresh token may help.
 */
export function openApiFailure(status: number, code: string, message: string): Error {
  const what = `DingTalk ${status} ${code}: ${message}`.slice(0, 300);
  if (code === 'InvalidAuthentication' || status === 401) return new InvalidTokenError();
  if (code.includes('QpsLimit')) {
    return new ChatPlatformError('rate-limited', what, { code, retryAfterMs: jittered(1_000) });
  }
  if (
    code.includes('ApiCountLimitForOrg') ||
    code.includes('PermissionDenied') ||
    code === 'invalidClientIdOrSecret' ||
    code.startsWith('AuthenticationFailed')
  ) {
    return new ChatPlatformError('configuration', what, { code });
  }
  if (status >= 500 || status === 429) return new ChatPlatformError('transient', what, { code });
  return new ChatPlatformError('permanent', what, { code });
}

/** A classic robot webhook's `errcode` (HTTP 200) as a ChatPlatformError; null for 0. */
export function webhookFailure(errcode: number, errmsg: string): ChatPlatformError | null {
  if (errcode === 0) return null;
  const what = `DingTalk webhook errcode ${errcode}: ${errmsg}`.slice(0, 300);
  const code = String(errcode);
  // 130101 and 660026: more than 20 messages a minute; the robot's minute must pass.
  if ([130101, 660026, 90018, 90002].includes(errcode)) {
    return new ChatPlatformError('rate-limited', what, { code, retryAfterMs: jittered(30_000) });
  }
  if (errcode === -1) return new ChatPlatformError('transient', what, { code });
  if ([310000, 300005, 400102, 90030, 40096].includes(errcode)) {
    return new ChatPlatformError('configuration', what, { code });
  }
  return new ChatPlatformError('permanent', what, { code });
}

/** A network failure or timeout of any DingTalk call. */
export function networkFailure(err: unknown): ChatPlatformError {
  const message = err instanceof Error ? err.message : String(err);
  return new ChatPlatformError('transient', `DingTalk unreachable: ${message}`, { cause: err });
}
