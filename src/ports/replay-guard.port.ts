/**
 * What a replay guard knew of a mark: `new` (never seen, now kept), `same` (seen with this
 * fingerprint: the platform sending the very request again), `conflict` (seen with another
 * fingerprint: someone reusing a signed part of a request for a different one).
 */
export type ReplayVerdict = 'new' | 'same' | 'conflict';

/**
 * Remembers the parts of signed callbacks that a platform never reuses (WeCom's timestamp and
 * nonce, DingTalk's timestamp and message id) for as long as their signature would still be
 * accepted, so that a captured signature cannot carry another body. Shared by every process.
 */
export interface ReplayGuard {
  /**
   * Keeps `mark` with `fingerprint` for `ttlMs` unless it is already kept. Rejects when the
   * store does not answer: the caller cannot tell a replay then and must refuse for now.
   */
  see(mark: string, fingerprint: string, ttlMs: number): Promise<ReplayVerdict>;
}
