import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

/** What WeCom signs with and addresses: the receiver's Token, EncodingAESKey and receive id. */
export interface SenderKeys {
  readonly token: string;
  readonly aesKey: string;
  /** CorpID for a self-built app, "" for an intelligent bot. */
  readonly receiveId: string;
}

/** Ways to make a callback wrong on purpose. */
export interface Tampering {
  readonly timestamp?: number;
  readonly nonce?: string;
  /** Sign with this instead of the real signature. */
  readonly signature?: string;
  /** Replace the ciphertext after signing it (and sign the replacement). */
  readonly ciphertext?: (real: string) => string;
}

/** A callback ready to send; sending it again unchanged is what WeCom's redelivery looks like. */
export interface SignedCallback {
  readonly url: string;
  readonly init: RequestInit;
  readonly nonce: string;
}

export interface CallbackAnswer {
  readonly status: number;
  readonly text: string;
  readonly elapsedMs: number;
  /** The callback's nonce (a passive reply must echo it). */
  readonly nonce: string;
}

/**
 * Sends callbacks to Baton the way WeCom does: plaintext encrypted with @wecom/crypto (fresh
 * random bytes, the receiver's receive id), signed over token, timestamp, nonce and ciphertext,
 * POSTed as JSON (intelligent bot) or XML (self-built app), and URL verification GETs.
 */
export function createCallbackSender(baseUrl: string, keys: SenderKeys) {
  const seal = (plaintext: string, tamper: Tampering = {}) => {
    const timestamp = String(tamper.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = tamper.nonce ?? String(randomBytes(4).readUInt32BE(0));
    const real = encrypt(keys.aesKey, plaintext, keys.receiveId, randomBytes(16));
    const ciphertext = tamper.ciphertext ? tamper.ciphertext(real) : real;
    const signature = tamper.signature ?? getSignature(keys.token, timestamp, nonce, ciphertext);
    return { timestamp, nonce, ciphertext, signature };
  };
  const query = (s: { signature: string; timestamp: string; nonce: string }) =>
    new URLSearchParams({ msg_signature: s.signature, timestamp: s.timestamp, nonce: s.nonce });
  const send = async ({ url, init, nonce }: SignedCallback): Promise<CallbackAnswer> => {
    const started = performance.now();
    const response = await fetch(url, init);
    const text = await response.text();
    return { status: response.status, text, elapsedMs: performance.now() - started, nonce };
  };
  const jsonCallback = (path: string, plaintext: object, tamper?: Tampering): SignedCallback => {
    const sealed = seal(JSON.stringify(plaintext), tamper);
    return {
      url: `${baseUrl}${path}?${query(sealed)}`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ encrypt: sealed.ciphertext }),
      },
      nonce: sealed.nonce,
    };
  };
  const xmlCallback = (
    path: string,
    plaintext: string,
    tamper?: Tampering & { toUserName?: string },
  ): SignedCallback => {
    const sealed = seal(plaintext, tamper);
    const envelope = `<xml><ToUserName><![CDATA[${tamper?.toUserName ?? keys.receiveId}]]></ToUserName><Encrypt><![CDATA[${sealed.ciphertext}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
    return {
      url: `${baseUrl}${path}?${query(sealed)}`,
      init: { method: 'POST', headers: { 'content-type': 'text/xml' }, body: envelope },
      nonce: sealed.nonce,
    };
  };

  return {
    seal,
    jsonCallback,
    xmlCallback,
    send,
    /** GET URL verification with `echostr`; Baton should answer the bare plaintext. */
    verifyUrl(path: string, echo: string, tamper?: Tampering) {
      const sealed = seal(echo, tamper);
      const params = query(sealed);
      params.set('echostr', sealed.ciphertext);
      return send({ url: `${baseUrl}${path}?${params}`, init: {}, nonce: sealed.nonce });
    },
    /** An intelligent-bot callback: `{"encrypt": …}`. */
    postJson(path: string, plaintext: object, tamper?: Tampering) {
      return send(jsonCallback(path, plaintext, tamper));
    },
    /** A self-built-app callback: the XML envelope around the encrypted XML. */
    postXml(path: string, plaintext: string, tamper?: Tampering & { toUserName?: string }) {
      return send(xmlCallback(path, plaintext, tamper));
    },
    /** Sends a raw body with a valid-looking query (for malformed and oversize bodies). */
    postRaw(path: string, body: string, contentType: string) {
      const sealed = seal('x');
      return send({
        url: `${baseUrl}${path}?${query(sealed)}`,
        init: { method: 'POST', headers: { 'content-type': contentType }, body },
        nonce: sealed.nonce,
      });
    },
    /** Checks and decrypts an aibot passive reply as WeCom would; throws when it is wrong. */
    openJsonReply(text: string, callbackNonce: string): unknown {
      const reply = JSON.parse(text) as {
        encrypt: string;
        msgsignature: string;
        timestamp: number;
        nonce: string;
      };
      if (reply.nonce !== callbackNonce) throw new Error('reply nonce is not the callback nonce');
      const expected = getSignature(keys.token, reply.timestamp, reply.nonce, reply.encrypt);
      if (expected !== reply.msgsignature) throw new Error('reply signature does not verify');
      const opened = decrypt(keys.aesKey, reply.encrypt);
      if (opened.id !== keys.receiveId) throw new Error('reply receive id is wrong');
      return JSON.parse(opened.message);
    },
  };
}

export type CallbackSender = ReturnType<typeof createCallbackSender>;
