import { createHash } from 'node:crypto';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';

/**
 * DingTalk's sign covers the timestamp alone, not the body: a captured timestamp and sign would
 * carry any message while the timestamp is in the window. So a timestamp is taken with one body
 * only (its sign follows from it), and a msgId with one body only. The same body again is DingTalk
 * sending the request again, with the same headers or new ones; the queue's job id and the
 * engine's de-duplication make that one effect (a resend whose body differed would be refused,
 * harmlessly: the first is queued). Rejects when the guard cannot answer.
 */
export async function robotReplays(deps: {
  readonly guard: ReplayGuard;
  readonly timestamp: string;
  readonly body: unknown;
  readonly windowMs: number;
}): Promise<'ok' | 'replayed'> {
  // A timestamp passes while within the window of our clock: up to two windows after first seen.
  const ttlMs = 2 * deps.windowMs;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(deps.body ?? null))
    .digest('base64');
  if ((await deps.guard.see(`sign:${deps.timestamp}`, fingerprint, ttlMs)) === 'conflict') {
    return 'replayed';
  }
  const msgId = (deps.body as { msgId?: unknown } | null)?.msgId;
  if (typeof msgId !== 'string' || msgId === '') return 'ok';
  return (await deps.guard.see(`msg:${msgId}`, fingerprint, ttlMs)) === 'conflict'
    ? 'replayed'
    : 'ok';
}
