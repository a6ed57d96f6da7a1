import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WecomButtonCard } from '../../../adapters/wecom/render/template-card.types.js';
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

describe('WeCom callbacks refuse a reused timestamp and nonce, and take redeliveries as before', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    w = await startWecomHttpEngine();
  });
  afterAll(() => w.stop());

  /** A timestamp and nonce of one callback, for another to reuse. */
  const pair = () => ({
    timestamp: Math.floor(Date.now() / 1000),
    nonce: `n${randomBytes(6).toString('hex')}`,
  });
  const taskTitles = async () =>
    (await w.engine.database.db.select().from(tasks)).map((t) => t.title);
  const handledIds = async () =>
    (await w.engine.database.db.select().from(inboundMessages)).map((m) => m.messageId).sort();
  const groupCommand = (msgid: string, userid: string, title: string) => ({
    ...command(msgid),
    from: { userid },
    text: { content: `@接力 /任务 ${title}\n步骤 @张三 1小时内` },
  });
  /** A private message to the app (private chats take no /任务, so its effect is its record). */
  const appMessage = (msgId: string, from: string) => appText(msgId).replace('ZhengYi', from);
  const inboxEmptied = () =>
    waitFor(async () => (await w.engine.database.db.select().from(inbox)).length === 0, {
      what: 'the inbox emptied',
    });

  it('bot: a new message signed with an accepted timestamp and nonce → 403, fast; nothing written', async () => {
    const reused = pair();
    const first = await w.bot.postJson(
      '/wecom/bot',
      groupCommand('replay-b1', 'ZhengYi', '郑一的任务'),
      reused,
    );
    expect(first.status).toBe(200);
    const replay = await w.bot.postJson(
      '/wecom/bot',
      groupCommand('replay-b2', 'WangWu', '冒充王五'),
      reused,
    );
    expect(replay.status).toBe(403);
    expect(replay.elapsedMs).toBeLessThan(1_000);
    expect(await taskTitles()).toEqual(['郑一的任务']);
    expect(await handledIds()).toEqual(['replay-b1']);
  });

  it('app: a new message signed with an accepted timestamp and nonce → 403, fast; nothing written', async () => {
    const reused = pair();
    const first = await w.app.postXml('/wecom/app', appMessage('9100', 'ZhengYi'), reused);
    expect(first).toMatchObject({ status: 200, text: '' });
    const replay = await w.app.postXml('/wecom/app', appMessage('9101', 'WangWu'), reused);
    expect(replay.status).toBe(403);
    expect(replay.elapsedMs).toBeLessThan(1_000);
    await waitFor(async () => (await handledIds()).includes('app-ZhengYi-9100'), {
      what: 'the first one run',
    });
    await inboxEmptied();
    expect((await handledIds()).filter((id) => id.startsWith('app-'))).toEqual([
      'app-ZhengYi-9100',
    ]);
  });

  it("a POST's signed query and ciphertext replayed as URL verification → 403, the message kept secret", async () => {
    const callback = w.bot.jsonCallback('/wecom/bot', groupCommand('replay-b3', 'ZhengYi', '秘密'));
    expect((await w.bot.send(callback)).status).toBe(200);
    const url = new URL(callback.url);
    url.searchParams.set('echostr', JSON.parse(String(callback.init.body)).encrypt);
    const answer = await fetch(url);
    expect(answer.status).toBe(403);
    expect(await answer.text()).not.toContain('秘密');
  });

  it('bot: an identical redelivery while the first still waits gets the card; later ones a 200; one task', async () => {
    const callback = w.bot.jsonCallback(
      '/wecom/bot',
      groupCommand('replay-b4', 'ZhengYi', '重发的任务'),
      pair(),
    );
    const first = w.bot.send(callback);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const answers = await Promise.all([first, w.bot.send(callback)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const titles = answers
      .filter((a) => a.text !== '')
      .map(
        (a) =>
          (w.bot.openJsonReply(a.text, a.nonce) as { template_card?: WecomButtonCard })
            .template_card?.main_title.title,
      );
    expect(titles.some((t) => t?.endsWith('重发的任务'))).toBe(true);
    expect(await w.bot.send(callback)).toMatchObject({ status: 200, text: '' });
    expect((await taskTitles()).filter((t) => t === '重发的任务')).toHaveLength(1);
  });

  it('app: identical redeliveries are answered 200 and run once', async () => {
    const callback = w.app.xmlCallback('/wecom/app', appMessage('9102', 'ZhengYi'), pair());
    const answers = await Promise.all([w.app.send(callback), w.app.send(callback)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect((await w.app.send(callback)).status).toBe(200);
    await waitFor(async () => (await handledIds()).includes('app-ZhengYi-9102'), {
      what: 'the message run',
    });
    await inboxEmptied();
    expect((await handledIds()).filter((id) => id === 'app-ZhengYi-9102')).toHaveLength(1);
  });
});

describe('WeCom callbacks when the replay check cannot be made', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    w = await startWecomHttpEngine(undefined, {
      replayGuard: {
        see: async () => {
          throw new Error('Redis did not answer');
        },
      },
    });
  });
  afterAll(() => w.stop());

  it('answers 503 with Retry-After (WeCom sends it again), never a 200 unchecked; nothing written', async () => {
    const bot = w.bot.jsonCallback('/wecom/bot', command('down-1'));
    const app = w.app.xmlCallback('/wecom/app', appText('down-2'));
    for (const callback of [bot, app]) {
      const response = await fetch(callback.url, callback.init);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    }
    expect((await w.bot.verifyUrl('/wecom/bot', '123')).status).toBe(503);
    const db = w.engine.database.db;
    expect(await db.select().from(inbox)).toEqual([]);
    expect(await db.select().from(inboundMessages)).toEqual([]);
    expect(await db.select().from(tasks)).toEqual([]);
  });
});
