import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { z } from 'zod';
import type { CallbackKeys } from './callback.config.js';

/**
 * Why a callback was refused; the HTTP status and a reason safe to log (never the content). A 503
 * refuses it for now (a check could not be made); WeCom sends it again.
 */
export class CallbackRejected extends Error {
  override readonly name = 'CallbackRejected';
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415 | 503,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const signedQuerySchema = z.object({
  msg_signature: z.string().regex(/^[0-9a-f]{40}$/i),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
});
export type SignedQuery = z.infer<typeof signedQuerySchema>;

/** Base64 of at most 64 KiB of ciphertext, in whole AES blocks. */
const CIPHERTEXT = /^[A-Za-z0-9+/]{22,87382}={0,2}$/;

/** Parses the signed query string, refusing anything else with a 400. */
export function parseSignedQuery(query: unknown): SignedQuery {
  const parsed = signedQuerySchema.safeParse(query);
  if (!parsed.success) throw new CallbackRejected(400, 'malformed query');
  return parsed.data;
}

/**
 * Checks and opens one encrypted callback value (POST `Encrypt`, GET `echostr`): timestamp
 * window, signature over (token, timestamp, nonce, ciphertext) compared in constant time, AES
 * decryption, the receive id, and that the plaintext re-encrypts to the exact ciphertext —
 * @wecom/crypto does not throw on a wrong key, and this catches garbage length fields and
 * padding as well.
 */
export function openEnvelope(
  keys: CallbackKeys,
  query: SignedQuery,
  ciphertext: string,
  opts: { nowS: number; windowS: number },
): string {
  if (Math.abs(opts.nowS - Number(query.timestamp)) > opts.windowS) {
    throw new CallbackRejected(403, 'timestamp outside the window');
  }
  if (!CIPHERTEXT.test(ciphertext)) throw new CallbackRejected(400, 'malformed ciphertext');
  const expected = getSignature(keys.token, query.timestamp, query.nonce, ciphertext);
  if (!sameText(expected, query.msg_signature.toLowerCase())) {
    throw new CallbackRejected(401, 'bad signature');
  }
  let opened: { message: string; id: string; random: Buffer };
  try {
    opened = decrypt(keys.aesKey, ciphertext);
  } catch {
    throw new CallbackRejected(400, 'undecryptable ciphertext');
  }
  if (encrypt(keys.aesKey, opened.message, opened.id, opened.random) !== ciphertext) {
    throw new CallbackRejected(400, 'plaintext fails the length check');
  }
  if (!sameText(opened.id, keys.receiveId)) throw new CallbackRejected(403, 'wrong receive id');
  return opened.message;
}

/** Encrypts and signs a passive reply; `nonce` must be the callback URL's nonce. */
export function sealReply(
  keys: CallbackKeys,
  plaintext: string,
  nonce: string,
  nowS: number,
): { encrypt: string; signature: string; timestamp: number } {
  const ciphertext = encrypt(keys.aesKey, plaintext, keys.receiveId, randomBytes(16));
  return {
    encrypt: ciphertext,
    signature: getSignature(keys.token, nowS, nonce, ciphertext),
    timestamp: nowS,
  };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
