import { ChatPlatformError } from '../src/ports/chat-platform.port.js';

const RETRYABLE = new Set<ChatPlatformError['kind']>(['transient', 'rate-limited']);

/**
 * Runs a platform API call, trying it again while it fails with a transient or rate-limited
 * ChatPlatformError, `attempts` times in all; `delayMs` says how long to wait before the next.
 */
export async function retryPlatformCall<T>(
  call: () => Promise<T>,
  options: {
    readonly attempts: number;
    readonly delayMs: (err: ChatPlatformError, attempt: number) => number;
  },
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof ChatPlatformError) || !RETRYABLE.has(err.kind)) throw err;
      if (attempt >= options.attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs(err, attempt)));
    }
  }
}
