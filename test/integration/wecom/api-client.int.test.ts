import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokens } from '../../../adapters/wecom/api/access-token.cache.js';
import { createAibotResponder } from '../../../adapters/wecom/api/aibot-response.client.js';
import { createAppMessenger } from '../../../adapters/wecom/api/app-messenger.js';
import { createWecomAppClient } from '../../../adapters/wecom/api/wecom-app.client.js';
import { createWecomHttp } from '../../../adapters/wecom/api/wecom-http.js';
import { createWecomWebhookClient } from '../../../adapters/wecom/api/wecom-webhook.client.js';
import type { Card } from '../../../cards/card.types.js';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import { type FakeWecomApi, startFakeWecomApi } from '../../fakes/wecom/api-server.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';

const CORP = 'wwApiTest';
const SECRET = 'secret-api-test';

const card: Card = {
  key: 'task-tsk_api',
  tone: 'info',
  title: '#9 检查消防栓',
  subtitle: null,
  fields: [],
  steps: [],
  note: null,
  actions: [
    {
      actionId: 'node.done',
      label: '完成 #9.1',
      style: 'primary',
      value: { taskId: 'tsk_api' },
      command: '/完成 #9.1',
    },
  ],
  link: null,
  mentions: [],
};
const text = { kind: 'text' as const, text: '该处理了', mentions: [] };
const markdown = (content: string) => ({ msgtype: 'markdown' as const, markdown: { content } });

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

async function failure(promise: Promise<unknown>): Promise<ChatPlatformError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChatPlatformError) return error;
    throw error;
  }
  throw new Error('did not fail');
}

describe('WeCom API client against a local WeCom', () => {
  let api: FakeWecomApi;
  let redis: Redis;
  let keyPrefix: string;
  let log: ReturnType<typeof capturingLogger>;
  beforeAll(async () => {
    redis = await connectTestRedis();
  });
  afterAll(() => redis.disconnect());
  beforeEach(async () => {
    api = await startFakeWecomApi({ corpId: CORP, secret: SECRET, webhookKeys: ['robot-1'] });
    keyPrefix = `{${testQueuePrefix()}}`;
    log = capturingLogger();
  });
  afterEach(() => api.close());

  /** One Baton process's client; several share the token through Redis. */
  const batonProcess = (timeoutMs = 2_000) => {
    const http = createWecomHttp({ logger: log.logger, timeoutMs });
    const tokens = createAccessTokens({
      redis,
      keyPrefix,
      http,
      apiBase: api.url,
      corpId: CORP,
      secret: SECRET,
      appKey: '1000002',
    });
    const client = createWecomAppClient({ http, tokens, apiBase: api.url, agentId: 1000002 });
    return {
      http,
      client,
      messenger: createAppMessenger({ app: client, now: () => new Date() }),
      webhook: createWecomWebhookClient({ http, apiBase: api.url }),
      responder: createAibotResponder({ http, apiBase: api.url }),
    };
  };

  it('shares one access token between processes and sends reminders without duplicate check', async () => {
    const [a, b] = [batonProcess(), batonProcess()];
    await Promise.all([a.messenger.send('ZhangSan', text), b.messenger.send('LiSi', text)]);
    await a.messenger.send('WangWu', text);
    expect(api.callsOf('gettoken')).toHaveLength(1);
    expect(await redis.get(`${keyPrefix}:wecom:token:${CORP}:1000002`)).toBe('tok-1');
    expect(api.callsOf('message/send').map((c) => c.body?.enable_duplicate_check)).toEqual([
      0, 0, 0,
    ]);
  });

  it('recovers from a token expiring mid-run with one refresh', async () => {
    const { messenger } = batonProcess();
    await messenger.send('ZhangSan', text);
    api.expireTokens();
    await messenger.send('ZhangSan', text);
    expect(api.callsOf('gettoken')).toHaveLength(2);
    expect(api.callsOf('message/send').map((c) => c.errcode)).toEqual([0, 42001, 0]);
  });

  it('gives up as configuration when a fresh token is refused too', async () => {
    const { messenger } = batonProcess();
    api.failNext('message/send', { errcode: 40014 }, 2);
    const error = await failure(messenger.send('ZhangSan', text));
    expect(error.kind).toBe('configuration');
    expect(api.callsOf('gettoken')).toHaveLength(2);
  });

  it.each([
    {
      name: '45009 frequency limit',
      inject: { errcode: 45009 },
      kind: 'rate-limited',
      retryAfterMs: 60_000,
    },
    {
      name: '45033 concurrency limit',
      inject: { errcode: 45033 },
      kind: 'rate-limited',
      retryAfterMs: 5_000,
    },
    { name: 'HTTP 500', inject: { status: 500 }, kind: 'transient' },
    { name: 'system busy (-1)', inject: { errcode: -1 }, kind: 'transient' },
    { name: 'a slow answer', inject: { delayMs: 1_500 }, kind: 'transient' },
    { name: 'an unknown user (81013)', inject: { errcode: 81013 }, kind: 'permanent' },
  ] as const)('maps $name to $kind', async ({ inject, kind, ...rest }) => {
    const { messenger } = batonProcess(500);
    api.failNext('message/send', inject);
    const error = await failure(messenger.send('ZhangSan', text));
    expect(error.kind).toBe(kind);
    if ('retryAfterMs' in rest) expect(error.options.retryAfterMs).toBe(rest.retryAfterMs);
  });

  it('reports an untrusted IP (60020) to the operator once, not once per message', async () => {
    const { messenger } = batonProcess();
    api.failNext('message/send', { errcode: 60020, errmsg: 'not allow to access from your ip' }, 3);
    for (let i = 0; i < 3; i++) {
      expect((await failure(messenger.send('ZhangSan', text))).kind).toBe('configuration');
    }
    const reports = log.lines.filter((l) => String(l.msg).includes('可信IP'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ level: 50, errcode: '60020' });
  });

  it('updates a private card once with its response code, then asks for a re-issue', async () => {
    const { messenger } = batonProcess();
    const sent = await messenger.send('ZhangSan', { kind: 'card', card, mentions: [] });
    expect(sent.responseCode).toBe('rc-2');
    expect(sent.cardRef).toMatch(/^task-tsk_api@[0-9a-f]{12}$/);
    const updated = await messenger.updateCard(sent, 'ZhangSan', { ...card, title: '#9 已完成' });
    const call = api.callsOf('update_template_card')[0];
    expect(call?.body).toMatchObject({
      userids: ['ZhangSan'],
      agentid: 1000002,
      response_code: 'rc-2',
    });
    expect(call?.body?.template_card).toMatchObject({
      task_id: sent.cardRef,
      main_title: { title: '#9 已完成' },
    });
    // The code is spent: the next change must re-issue the card.
    expect((await failure(messenger.updateCard(updated, 'ZhangSan', card))).kind).toBe('permanent');
    // A code WeCom no longer accepts (used elsewhere, past 72 h) is permanent too.
    expect((await failure(messenger.updateCard(sent, 'ZhangSan', card))).kind).toBe('permanent');
    const expired = { ...sent, responseCodeExpiresAt: new Date(Date.now() - 1) };
    expect((await failure(messenger.updateCard(expired, 'ZhangSan', card))).kind).toBe('permanent');
  });

  it('posts group-robot markdown and treats an unknown robot key as configuration', async () => {
    const { webhook } = batonProcess();
    await webhook.sendMarkdown('robot-1', '【超时升级】请处理 <@ZhangSan>');
    expect(api.callsOf('webhook/send')[0]?.body).toEqual({
      msgtype: 'markdown',
      markdown: { content: '【超时升级】请处理 <@ZhangSan>' },
    });
    expect((await failure(webhook.sendMarkdown('nope', 'x'))).kind).toBe('configuration');
  });

  it('answers through a response_url only when it points at the WeCom API', async () => {
    const { responder } = batonProcess();
    await responder.send(`${api.url}/cgi-bin/aibot/response?response_code=abc`, markdown('好的'));
    expect(api.callsOf('aibot/response')[0]?.query.response_code).toBe('abc');
    for (const url of [
      'http://169.254.169.254/latest',
      `${api.url}/cgi-bin/message/send`,
      'not a url',
    ]) {
      expect((await failure(responder.send(url, markdown('x')))).kind).toBe('permanent');
    }
    expect(api.callsOf('aibot/response')).toHaveLength(1);
  });
});
