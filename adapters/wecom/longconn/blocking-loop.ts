import { setTimeout as sleep } from 'node:timers/promises';
import type { ChainableCommander, Redis } from 'ioredis';
import type { Logger } from 'pino';

/** How long one BLPOP waits, so a closing loop is never stuck for long. */
const POP_TIMEOUT_S = 1;
const BACKOFF_MS = 250;

/**
 * Pops a Redis list on a connection of its own (a blocking pop holds its connection) and hands
 * each entry to `onEntry` until closed. Redis errors are logged and retried after a pause.
 */
export function startBlockingPopLoop(deps: {
  readonly redis: Redis;
  readonly key: string;
  readonly logger: Logger;
  readonly onEntry: (raw: string) => void;
}) {
  const connection = deps.redis.duplicate();
  connection.on('error', (err: Error) =>
    deps.logger.warn({ err: err.message }, 'redis connection error'),
  );
  let closed = false;
  const loop = (async () => {
    while (!closed) {
      try {
        const popped = await connection.blpop(deps.key, POP_TIMEOUT_S);
        if (popped) deps.onEntry(popped[1]);
      } catch (err) {
        if (closed) return;
        deps.logger.warn({ err, key: deps.key }, 'reading a WeCom relay list failed');
        await sleep(BACKOFF_MS);
      }
    }
  })();
  return {
    async close() {
      closed = true;
      connection.disconnect();
      await loop;
    },
  };
}

/** Runs a MULTI that pushes onto a relay list; rejects if it or any of its commands failed. */
export async function pushAll(multi: ChainableCommander): Promise<void> {
  const results = await multi.exec();
  if (!results) throw new Error('relay push discarded');
  const failed = results.find(([err]) => err !== null);
  if (failed?.[0]) throw failed[0];
}
