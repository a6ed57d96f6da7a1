import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import { pushAll, startBlockingPopLoop } from './blocking-loop.js';
import type { LongConnectionKeys } from './keys.js';
import { parseRelayJson, type RelayRequest, relayAnswerSchema } from './relay-messages.js';

interface Waiting {
  readonly resolve: (reqId: string) => void;
  readonly reject: (err: ChatPlatformError) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * How a process without the long connection sends: it pushes the request onto the bot's Redis
 * list, the holder makes the send and pushes the outcome onto this process's answer list. No
 * answer in time (no holder, holder died) fails the send as transient, so the delivery retries;
 * the request carries its deadline and a holder drops it once the asker has given up.
 */
export function createRelayClient(deps: {
  readonly redis: Redis;
  readonly keys: LongConnectionKeys;
  readonly instanceId: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
}) {
  const answerTo = deps.keys.answers(deps.instanceId);
  const waiting = new Map<string, Waiting>();
  let answers: ReturnType<typeof startBlockingPopLoop> | null = null;

  /** Takes a waiting send out, so exactly one of answer, timeout or failure settles it. */
  const take = (id: string): Waiting | null => {
    const w = waiting.get(id);
    if (!w) return null;
    waiting.delete(id);
    clearTimeout(w.timer);
    return w;
  };

  const onAnswer = (raw: string) => {
    const answer = parseRelayJson(relayAnswerSchema, raw);
    if (!answer) {
      deps.logger.warn({ key: answerTo }, 'dropped a malformed WeCom relay answer');
      return;
    }
    const w = take(answer.id);
    if (!w) return;
    if (answer.ok) w.resolve(answer.reqId);
    else
      w.reject(
        new ChatPlatformError(answer.kind, answer.message, {
          ...(answer.code ? { code: answer.code } : {}),
          ...(answer.retryAfterMs ? { retryAfterMs: answer.retryAfterMs } : {}),
        }),
      );
  };

  return {
    /** Resolves with the req_id of the holder's send. */
    async send(chatid: string, body: Record<string, unknown>): Promise<string> {
      answers ??= startBlockingPopLoop({
        redis: deps.redis,
        key: answerTo,
        logger: deps.logger,
        onEntry: onAnswer,
      });
      const request: RelayRequest = {
        id: randomUUID(),
        answerTo,
        deadline: Date.now() + deps.timeoutMs,
        chatid,
        body,
      };
      const answered = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          take(request.id)?.reject(
            new ChatPlatformError(
              'transient',
              'no process holding the WeCom long connection answered in time',
            ),
          );
        }, deps.timeoutMs);
        waiting.set(request.id, { resolve, reject, timer });
      });
      await pushAll(
        deps.redis
          .multi()
          .rpush(deps.keys.sends, JSON.stringify(request))
          .pexpire(deps.keys.sends, deps.timeoutMs * 2),
      ).catch((err: unknown) => {
        take(request.id)?.reject(
          new ChatPlatformError('transient', 'could not hand the send to the WeCom relay', {
            cause: err,
          }),
        );
      });
      return answered;
    },
    async close() {
      for (const id of [...waiting.keys()]) {
        take(id)?.reject(new ChatPlatformError('transient', 'WeCom relay closed'));
      }
      await answers?.close();
    },
  };
}
