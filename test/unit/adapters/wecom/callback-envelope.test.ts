import { readFileSync } from 'node:fs';
import { encrypt, getSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import {
  CallbackRejected,
  openEnvelope,
  sealReply,
} from '../../../../adapters/wecom/callback/callback-envelope.js';

/** Tencent's official WXBizMsgCrypt sample (企业微信 加解密方案 doc and every official demo). */
const OFFICIAL = {
  keys: {
    token: 'QDG6eK',
    aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    receiveId: 'wx5823bf96d3bd56c7',
  },
  get: {
    query: {
      msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
      timestamp: '1409659589',
      nonce: '263014780',
    },
    echostr:
      'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  },
  post: {
    query: {
      msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
      timestamp: '1409659813',
      nonce: '1372623149',
    },
    encrypt:
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
  },
};

const vector = JSON.parse(readFileSync('test/fixtures/wecom/vector.json', 'utf8')) as {
  EncodingAESKey: string;
  token: string;
  corpId: string;
  timestamp: string;
  nonce: string;
  echo: { plaintext: string; echostr: string; msg_signature: string };
  xml: { plaintext: string; Encrypt: string; msg_signature: string };
  json: { plaintext: string; encrypt: string; msg_signature: string };
};
const at = (timestamp: string) => ({ nowS: Number(timestamp), windowS: 300 });

function rejection(fn: () => unknown): CallbackRejected {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallbackRejected) return error;
    throw error;
  }
  throw new Error('not rejected');
}

describe('openEnvelope with published vectors', () => {
  it('opens Tencent official URL verification', () => {
    const { query, echostr } = OFFICIAL.get;
    expect(openEnvelope(OFFICIAL.keys, query, echostr, at(query.timestamp))).toBe(
      '1616140317555161061',
    );
  });

  it('opens Tencent official message callback, MsgId intact', () => {
    const { query, encrypt: ciphertext } = OFFICIAL.post;
    const xml = openEnvelope(OFFICIAL.keys, query, ciphertext, at(query.timestamp));
    expect(xml).toContain('<MsgId>4561255354251345929</MsgId>');
    expect(xml).toContain('<Content><![CDATA[hello]]></Content>');
  });

  it.each([
    {
      name: 'echo (CorpID)',
      v: () => vector.echo,
      text: () => vector.echo.echostr,
      id: vector.corpId,
    },
    {
      name: 'app XML (CorpID)',
      v: () => vector.xml,
      text: () => vector.xml.Encrypt,
      id: vector.corpId,
    },
    { name: 'aibot JSON ("")', v: () => vector.json, text: () => vector.json.encrypt, id: '' },
  ])('opens the generated $name vector', ({ v, text, id }) => {
    const keys = { token: vector.token, aesKey: vector.EncodingAESKey, receiveId: id };
    const query = {
      msg_signature: v().msg_signature,
      timestamp: vector.timestamp,
      nonce: vector.nonce,
    };
    expect(openEnvelope(keys, query, text(), at(vector.timestamp))).toBe(v().plaintext);
  });
});

describe('openEnvelope refuses', () => {
  const keys = { token: 'tok', aesKey: vector.EncodingAESKey, receiveId: '' };
  const sealed = (plaintext: string, opts: { aesKey?: string; id?: string } = {}) => {
    const ciphertext = encrypt(opts.aesKey ?? keys.aesKey, plaintext, opts.id ?? '');
    const query = {
      msg_signature: getSignature(keys.token, '1700000000', 'n1', ciphertext),
      timestamp: '1700000000',
      nonce: 'n1',
    };
    return { query, ciphertext };
  };
  const otherKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

  it.each([
    { name: 'a stale timestamp', make: () => sealed('{}'), nowS: 1700000000 + 301, status: 403 },
    { name: 'a future timestamp', make: () => sealed('{}'), nowS: 1700000000 - 301, status: 403 },
    {
      name: 'a forged signature',
      make: () => ({
        ...sealed('{}'),
        query: { ...sealed('{}').query, msg_signature: 'a'.repeat(40) },
      }),
      nowS: 1700000000,
      status: 401,
    },
    {
      name: 'a wrong receive id',
      make: () => sealed('{}', { id: 'wwOther' }),
      nowS: 1700000000,
      status: 403,
    },
    {
      name: 'a message under another AES key',
      make: () => sealed('{"msgid":"1"}', { aesKey: otherKey }),
      nowS: 1700000000,
      status: 400,
    },
    {
      name: 'truncated ciphertext (signed as sent)',
      make: () => {
        const { ciphertext } = sealed('{"msgid":"1"}');
        const cut = ciphertext.slice(0, 44);
        return {
          ciphertext: cut,
          query: {
            msg_signature: getSignature(keys.token, '1700000000', 'n1', cut),
            timestamp: '1700000000',
            nonce: 'n1',
          },
        };
      },
      nowS: 1700000000,
      status: 400,
    },
  ])('$name', ({ make, nowS, status }) => {
    const { query, ciphertext } = make();
    expect(
      rejection(() => openEnvelope(keys, query, ciphertext, { nowS, windowS: 300 })).status,
    ).toBe(status);
  });
});

describe('sealReply', () => {
  it('signs with the callback nonce and opens again', () => {
    const keys = { token: 'tok', aesKey: vector.EncodingAESKey, receiveId: '' };
    const reply = sealReply(keys, '{"msgtype":"stream"}', 'n42', 1700000001);
    const query = {
      msg_signature: reply.signature,
      timestamp: String(reply.timestamp),
      nonce: 'n42',
    };
    expect(openEnvelope(keys, query, reply.encrypt, at('1700000001'))).toBe('{"msgtype":"stream"}');
  });
});
