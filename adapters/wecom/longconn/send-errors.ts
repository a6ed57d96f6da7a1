import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import { errorForErrcode } from '../api/wecom-errors.js';

/**
 * What the SDK rejected a reply or send with, as a ChatPlatformError: an ack frame with a
 * non-zero errcode (mapped like every WeCom errcode), or an Error (socket not open, ack
 * timeout), which is worth retrying.
 */
export function sdkRejection(reason: unknown, what: string): ChatPlatformError {
  if (reason instanceof ChatPlatformError) return reason;
  if (typeof reason === 'object' && reason !== null && 'errcode' in reason) {
    const answer = reason as { errcode: unknown; errmsg?: unknown };
    const errcode = Number(answer.errcode);
    if (Number.isInteger(errcode))
      return errorForErrcode(what, { errcode, errmsg: String(answer.errmsg ?? '') });
  }
  const message = reason instanceof Error ? reason.message : String(reason);
  return new ChatPlatformError('transient', `WeCom ${what} failed: ${message}`, { cause: reason });
}
