import { encrypt, getSignature } from '@wecom/crypto';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dingtalkSign } from '../../adapters/dingtalk/dingtalk-sign.js';
import { events, inboundMessages, outbox, tasks } from '../../src/infra/db/schema/index.js';
import { startDingTalkEngine } from '../fakes/dingtalk/dingtalk-engine.js';
import { FAKE_CLIENT_SECRET } from '../fakes/dingtalk/fake-dingtalk.js';
import { startWecomHttpEngine, WECOM_TEST_KEYS } from '../fakes/wecom/http-engine.js';

/** Random requests a callback endpoint may get from anyone on the internet. */
const RUNS = 150;

const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.base64String({ maxLength: 400 }),
  fc.constantFrom('', '<xml>', '<xml><Encrypt><![CDATA[', '{"encrypt":1}', 'null', '[]'),
);
const contentType = fc.constantFrom(
  'text/xml',
  'application/xml',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
);
const timestamp = fc.oneof(
  fc.constant(() => String(Math.floor(Date.now() / 1000))),
  fc.integer().map((n) => () => String(n)),
  anyText.map((t) => () => t),
);

/** A query string with WeCom's names, each present or not, right-looking or not. */
const wecomQuery = fc.record(
  {
    msg_signature: fc.oneof(fc.stringMatching(/^[0-9a-f]{40}$/), anyText),
    timestamp,
    nonce: fc.oneof(fc.stringMatching(/^[0-9A-Za-z]{1,16}$/), anyText),
    echostr: anyText,
  },
  { requiredKeys: [] },
);

/** Bodies that pass the signature with the real token but carry garbage inside. */
const signedGarbage = fc.record({
  plaintext: anyText,
  receiveId: fc.constantFrom('', WECOM_TEST_KEYS.corpId, 'wwSomeoneElse'),
  nonce: fc.stringMatching(/^[0-9A-Za-z]{1,16}$/),
  tamper: fc.constantFrom('none', 'truncate', 'flip'),
});

function wecomUrl(path: string, query: Record<string, string | (() => string)>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    params.set(key, typeof value === 'function' ? value() : value);
  return `${path}?${params}`;
}

describe('callback endpoints under random input: no 5xx, no crash, no write', () => {
  let wecom: Awaited<ReturnType<typeof startWecomHttpEngine>>;
  let dingtalk: Awaited<ReturnType<typeof startDingTalkEngine>>;
  let dingtalkApp: FastifyInstance;

  beforeAll(async () => {
    wecom = await startWecomHttpEngine();
    dingtalk = await startDingTalkEngine(undefined, { DINGTALK_MODE: 'http' }, { connect: false });
    const routes = dingtalk.module.routes?.(dingtalk.engine.inbound);
    if (!routes) throw new Error('no DingTalk routes in HTTP mode');
    dingtalkApp = Fastify();
    await dingtalkApp.register(routes);
  }, 60_000);
  afterAll(async () => {
    await dingtalkApp?.close();
    await dingtalk?.stop();
    await wecom?.stop();
  });

  const rowCounts = async (db: typeof wecom.engine.database.db) => ({
    inbound: (await db.select().from(inboundMessages)).length,
    tasks: (await db.select().from(tasks)).length,
    events: (await db.select().from(events)).length,
    outbox: (await db.select().from(outbox)).length,
  });

  it.each(['/wecom/bot', '/wecom/app'])(
    '%s: random methods, queries, headers and bodies',
    async (path) => {
      const before = await rowCounts(wecom.engine.database.db);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST'),
          wecomQuery,
          contentType,
          anyText,
          async (method, query, type, body) => {
            const response = await fetch(`${wecom.url}${wecomUrl(path, query)}`, {
              method,
              headers: { 'content-type': type },
              ...(method === 'POST' ? { body } : {}),
            });
            await response.arrayBuffer();
            expect(response.status).toBeLessThan(500);
          },
        ),
        { numRuns: RUNS },
      );
      expect(await rowCounts(wecom.engine.database.db)).toEqual(before);
    },
    120_000,
  );

  it.each([
    ['/wecom/bot', WECOM_TEST_KEYS.botToken, WECOM_TEST_KEYS.botAesKey],
    ['/wecom/app', WECOM_TEST_KEYS.appToken, WECOM_TEST_KEYS.appAesKey],
  ])(
    '%s: correctly signed ciphertexts of garbage',
    async (path, token, aesKey) => {
      const before = await rowCounts(wecom.engine.database.db);
      await fc.assert(
        fc.asyncProperty(signedGarbage, async ({ plaintext, receiveId, nonce, tamper }) => {
          const sealed = encrypt(aesKey, plaintext, receiveId);
          const ciphertext =
            tamper === 'truncate'
              ? sealed.slice(0, Math.max(24, sealed.length - 24))
              : tamper === 'flip'
                ? `${sealed.slice(0, 10)}${sealed[10] === 'A' ? 'B' : 'A'}${sealed.slice(11)}`
                : sealed;
          const ts = String(Math.floor(Date.now() / 1000));
          const signature = getSignature(token, ts, nonce, ciphertext);
          const query = `msg_signature=${signature}&timestamp=${ts}&nonce=${nonce}`;
          const body =
            path === '/wecom/bot'
              ? JSON.stringify({ encrypt: ciphertext })
              : `<xml><ToUserName><![CDATA[${WECOM_TEST_KEYS.corpId}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt></xml>`;
          const response = await fetch(`${wecom.url}${path}?${query}`, {
            method: 'POST',
            headers: { 'content-type': path === '/wecom/bot' ? 'application/json' : 'text/xml' },
            body,
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
      expect(await rowCounts(wecom.engine.database.db)).toEqual(before);
    },
    120_000,
  );

  it('/dingtalk/robot: random headers and bodies, signed or not', async () => {
    const before = await rowCounts(dingtalk.engine.database.db);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { timestamp: anyText, sign: anyText, 'content-type': contentType },
          { requiredKeys: [] },
        ),
        fc.boolean(),
        anyText,
        async (headers, signIt, body) => {
          const now = String(Date.now());
          const response = await dingtalkApp.inject({
            method: 'POST',
            url: '/dingtalk/robot',
            headers: signIt
              ? { ...headers, timestamp: now, sign: dingtalkSign(now, FAKE_CLIENT_SECRET) }
              : headers,
            payload: body,
          });
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
    // Signed garbage is accepted and queued, then dropped as unreadable: nothing is written.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await rowCounts(dingtalk.engine.database.db)).toEqual(before);
  }, 120_000);
});
