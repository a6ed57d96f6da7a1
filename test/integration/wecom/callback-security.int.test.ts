import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessages, inbox, tasks } from '../../../src/infra/db/schema/index.js';
import { type CallbackSender, createCallbackSender } from '../../fakes/wecom/callback-sender.js';
import {
  startWecomHttpEngine,
  WECOM_TEST_KEYS,
  type WecomHttpEngine,
} from '../../fakes/wecom/http-engine.js';
import { waitFor } from '../../helpers/wait-for.js';

const OTHER_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

const command = (msgid: string) => ({
  msgid,
  aibotid: 'aibFake',
  chatid: 'wrSecurity',
  chattype: 'group',
  from: { userid: 'ZhengYi' },
  msgtype: 'text',
  text: { content: '@接力 /任务 不该出现\n步骤 @张三 1小时内' },
});
const appText = (msgId: string) =>
  `<xml><ToUserName><![CDATA[${WECOM_TEST_KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[ZhengYi]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/帮助]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;

describe('WeCom callbacks refuse what WeCom did not send', () => {
  let w: WecomHttpEngine;
  let wrongKeyBot: CallbackSender;
  let wrongKeyApp: CallbackSender;
  let wrongIdBot: CallbackSender;
  let wrongIdApp: CallbackSender;
  beforeAll(async () => {
    w = await startWecomHttpEngine();
    const k = WECOM_TEST_KEYS;
    wrongKeyBot = createCallbackSender(w.url, {
      token: k.botToken,
      aesKey: OTHER_AES_KEY,
      receiveId: '',
    });
    wrongKeyApp = createCallbackSender(w.url, {
      token: k.appToken,
      aesKey: OTHER_AES_KEY,
      receiveId: k.corpId,
    });
    wrongIdBot = createCallbackSender(w.url, {
      token: k.botToken,
      aesKey: k.botAesKey,
      receiveId: k.corpId,
    });
    wrongIdApp = createCallbackSender(w.url, {
      token: k.appToken,
      aesKey: k.appAesKey,
      receiveId: 'wwSomeoneElse',
    });
  });
  afterAll(() => w.stop());

  const nowS = () => Math.floor(Date.now() / 1000);
  const truncate = (real: string) => real.slice(0, real.length - 8);

  it.each([
    {
      name: 'bot: forged signature',
      send: () => w.bot.postJson('/wecom/bot', command('a1'), { signature: 'f'.repeat(40) }),
      status: 401,
    },
    {
      name: 'bot: stale timestamp',
      send: () => w.bot.postJson('/wecom/bot', command('a2'), { timestamp: nowS() - 3_600 }),
      status: 403,
    },
    {
      name: 'bot: wrong receive id',
      send: () => wrongIdBot.postJson('/wecom/bot', command('a3')),
      status: 403,
    },
    {
      name: 'bot: wrong AES key',
      send: () => wrongKeyBot.postJson('/wecom/bot', command('a4')),
      status: 400,
    },
    {
      name: 'bot: truncated ciphertext',
      send: () => w.bot.postJson('/wecom/bot', command('a5'), { ciphertext: truncate }),
      status: 400,
    },
    {
      name: 'bot: not JSON',
      send: () => w.bot.postRaw('/wecom/bot', '<xml>hi</xml>', 'application/json'),
      status: 400,
    },
    {
      name: 'bot: oversize',
      send: () =>
        w.bot.postRaw('/wecom/bot', `{"encrypt":"${'A'.repeat(200_000)}"}`, 'application/json'),
      status: 413,
    },
    {
      name: 'bot: forged URL verification',
      send: () => w.bot.verifyUrl('/wecom/bot', '123', { signature: '0'.repeat(40) }),
      status: 401,
    },
    {
      name: 'app: forged signature',
      send: () => w.app.postXml('/wecom/app', appText('11'), { signature: 'f'.repeat(40) }),
      status: 401,
    },
    {
      name: 'app: stale timestamp',
      send: () => w.app.postXml('/wecom/app', appText('12'), { timestamp: nowS() - 3_600 }),
      status: 403,
    },
    {
      name: 'app: wrong receive id inside',
      send: () =>
        wrongIdApp.postXml('/wecom/app', appText('13'), { toUserName: WECOM_TEST_KEYS.corpId }),
      status: 403,
    },
    {
      name: 'app: wrong receive id on the envelope',
      send: () => w.app.postXml('/wecom/app', appText('14'), { toUserName: 'wwSomeoneElse' }),
      status: 403,
    },
    {
      name: 'app: wrong AES key',
      send: () => wrongKeyApp.postXml('/wecom/app', appText('15')),
      status: 400,
    },
    {
      name: 'app: truncated ciphertext',
      send: () => w.app.postXml('/wecom/app', appText('16'), { ciphertext: truncate }),
      status: 400,
    },
    {
      name: 'app: not XML',
      send: () => w.app.postRaw('/wecom/app', '{"encrypt":"x"}', 'text/xml'),
      status: 400,
    },
    {
      name: 'app: oversize',
      send: () => w.app.postRaw('/wecom/app', `<xml>${'A'.repeat(200_000)}</xml>`, 'text/xml'),
      status: 413,
    },
    {
      name: 'app: no query',
      send: () =>
        fetch(`${w.url}/wecom/app`, { method: 'POST', body: appText('17') }).then(async (r) => ({
          status: r.status,
          text: await r.text(),
          elapsedMs: 0,
        })),
      status: 400,
    },
  ])('$name → $status, fast', async ({ send, status }) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.elapsedMs).toBeLessThan(1_000);
  });

  it('wrote nothing for any of them and still serves a genuine callback', async () => {
    const db = w.engine.database.db;
    expect(await db.select().from(inbox)).toEqual([]);
    expect(await db.select().from(inboundMessages)).toEqual([]);
    expect(await db.select().from(tasks)).toEqual([]);
    const genuine = await w.app.postXml('/wecom/app', appText('18'));
    expect(genuine).toMatchObject({ status: 200, text: '' });
    const handled = await waitFor(
      async () => {
        const rows = await db.select().from(inboundMessages);
        return rows.length > 0 && rows;
      },
      { what: 'the genuine callback run from the inbox' },
    );
    expect(handled.map((m) => m.messageId)).toEqual(['app-ZhengYi-18']);
    await waitFor(async () => (await db.select().from(inbox)).length === 0, {
      what: 'the inbox emptied',
    });
  });
});
