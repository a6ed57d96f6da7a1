import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import { pushAll, startBlockingPopLoop } from './blocking-loop.js';
import type { LongConnectionKeys } from './keys.js';
import { parseRelayJson, type RelayAnswer, relayRequestSchema } from './relay-messages.js';

/** An answer list outlives any asker's wait; then it goes. */
const ANSWER_TTL_MS = 60_000;

/**
 * The holder's side of the relay: takes other processes' sends off the bot's list, makes them on
 * the live connection and pushes each outcome to the asker's answer list.
 */
export function startRelayServer(deps: {
  readonly redis: Redis;
  readonly keys: LongConnectionKeys;
  readonly logger: Logger;
  readonly send: (chatid: string, body: Record<string, unknown>) => Promise<string>;
}) {
  const inFlight = new Set<Promise<void>>();

  const answer = async (to: string, message: RelayAnswer) => {
    await pushAll(deps.redis.multi().rpush(to, JSON.stringify(message)).pexpire(to, ANSWER_TTL_MS));
  };

  const serve = async (raw: string) => {
    const request = parseRelayJson(relayRequestSchema, raw);
    if (!request) {
      deps.logger.warn({ key: deps.keys.sends }, 'dropped a malformed WeCom relay request');
      return;
    }
    if (request.deadline < Date.now()) return;
    try {
      const reqId = await deps.send(request.chatid, request.body);
      await answer(request.answerTo, { id: request.id, ok: true, reqId });
    } catch (err) {
      const failure =
        err instanceof ChatPlatformError ? err : new ChatPlatformError('transient', String(err));
      await answer(request.answerTo, {
        id: request.id,
        ok: false,
        kind: failure.kind,
        message: failure.message,
        ...(failure.options.code ? { code: failure.options.code } : {}),
        ...(failure.options.retryAfterMs ? { retryAfterMs: failure.options.retryAfterMs } : {}),
      });
    }
  };

  const loop = startBlockingPopLoop({
    redis: deps.redis,
    key: deps.keys.sends,
    logger: deps.logger,
    onEntry: (raw) => {
      const job = serve(raw)
        .catch((err: unknown) => deps.logger.error({ err }, 'answering a WeCom relay send failed'))
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
    },
  });

  return {
    /** Stops taking requests and lets the ones in flight finish. */
    async close() {
      await loop.close();
      await Promise.all(inFlight);
    },
  };
}
