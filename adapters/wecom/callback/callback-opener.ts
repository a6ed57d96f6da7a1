import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import type { CallbackKeys } from './callback.config.js';
import { CallbackRejected, openEnvelope, type SignedQuery } from './callback-envelope.js';

export type OpenCallback = (
  method: 'GET' | 'POST',
  query: SignedQuery,
  ciphertext: string,
) => Promise<string>;

/**
 * Opens a callback's ciphertext (`openEnvelope`), then refuses it when its timestamp and nonce
 * came before with another signature: WeCom never reuses a nonce within two hours, so that is
 * someone replaying a captured pair. WeCom redelivers an unanswered callback unchanged (same
 * query, same body); that one goes through as always, and the engine de-duplicates it by message
 * id. The method is part of the fingerprint: a POST's query and ciphertext replayed as URL
 * verification would otherwise get the message decrypted and echoed. Checked after the
 * signature, so only pairs WeCom signed are kept.
 */
export function callbackOpener(deps: {
  readonly keys: CallbackKeys;
  readonly windowS: number;
  readonly replayGuard: ReplayGuard;
  readonly receiver: 'bot' | 'app';
}): OpenCallback {
  // A timestamp passes while within the window of our clock: up to two windows after first seen.
  const ttlMs = 2 * deps.windowS * 1000;
  return async (method, query, ciphertext) => {
    const plaintext = openEnvelope(deps.keys, query, ciphertext, {
      nowS: Math.floor(Date.now() / 1000),
      windowS: deps.windowS,
    });
    let verdict: Awaited<ReturnType<ReplayGuard['see']>>;
    try {
      verdict = await deps.replayGuard.see(
        `${deps.receiver}:${query.timestamp}:${query.nonce}`,
        `${method} ${query.msg_signature.toLowerCase()}`,
        ttlMs,
      );
    } catch {
      // Unchecked is not accepted: WeCom sends it again after a 503.
      throw new CallbackRejected(503, 'replay check unavailable');
    }
    if (verdict === 'conflict') throw new CallbackRejected(403, 'timestamp and nonce reused');
    return plaintext;
  };
}
