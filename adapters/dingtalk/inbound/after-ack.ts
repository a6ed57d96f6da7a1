import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

/** Waits before the second and third try of work whose message DingTalk will not send again. */
const RETRY_DELAYS_MS = [500, 2_000];

/**
 * Runs work for a message that is already acknowledged, so DingTalk will not redeliver it: a
 * failure (the database briefly away) is tried again twice before it is logged and dropped. The
 * engine de-duplicates by message id, so a try that committed but failed late is not repeated.
 * Never rejects.
 */
export async function processAfterAck(
  work: () => Promise<void>,
  logger: Logger,
  what: string,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await work();
      return;
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      const message = err instanceof Error ? err.message : String(err);
      if (delay === undefined) {
        logger.error({ err: message, attempts: attempt + 1 }, `DingTalk ${what} failed; dropped`);
        return;
      }
      logger.warn({ err: message, attempt: attempt + 1 }, `DingTalk ${what} failed; trying again`);
      await sleep(delay);
    }
  }
}
