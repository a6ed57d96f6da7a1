import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeButtonKey } from '../../../adapters/wecom/render/button-key.js';
import type { WecomButtonCard } from '../../../adapters/wecom/render/template-card.types.js';
import { deliveries, inboundMessages, tasks } from '../../../src/infra/db/schema/index.js';
import { startWecomHttpEngine, type WecomHttpEngine } from '../../fakes/wecom/http-engine.js';
import { waitFor } from '../../helpers/wait-for.js';

const GROUP = 'wrOfficeGroup';

function groupMessage(msgid: string, userid: string, content: string, responseUrl: string) {
  return {
    msgid,
    aibotid: 'aibFake',
    chatid: GROUP,
    chattype: 'group',
    from: { userid },
    response_url: responseUrl,
    msgtype: 'text',
    text: { content },
  };
}

function click(msgid: string, userid: string, card: WecomButtonCard, label: string) {
  const button = card.button_list.find((b) => b.text.startsWith(label));
  if (!button) throw new Error(`no button ${label}`);
  return {
    msgid,
    create_time: Math.floor(Date.now() / 1000),
    aibotid: 'aibFake',
    chatid: GROUP,
    chattype: 'group',
    from: { userid },
    msgtype: 'event',
    event: {
      eventtype: 'template_card_event',
      template_card_event: {
        card_type: 'button_interaction',
        event_key: button.key,
        task_id: card.task_id,
      },
    },
  };
}

describe('WeCom HTTP callbacks end to end (API-mode bot, self-built app, group robot)', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    w = await startWecomHttpEngine();
  });
  afterAll(() => w.stop());

  it('verifies both callback URLs with the bare plaintext', async () => {
    for (const sender of [w.bot, w.app]) {
      const path = sender === w.bot ? '/wecom/bot' : '/wecom/app';
      const answer = await sender.verifyUrl(path, '4470302453721046287');
      expect(answer).toMatchObject({ status: 200, text: '4470302453721046287' });
      expect(answer.elapsedMs).toBeLessThan(1_000);
    }
  });

  it('answers a group @-command with the task card, acts once on a redelivery, and updates the card on a click', async () => {
    const responseUrl = `${w.api.url}/cgi-bin/aibot/response?response_code=rc1`;
    const command = groupMessage(
      'CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=',
      'ZhengYi',
      '@接力 /任务 空调维修\n联系供应商 @张三 1小时内\n费用审批 @李四 1小时内 审批',
      responseUrl,
    );
    const first = await w.bot.postJson('/wecom/bot', command);
    expect(first.status).toBe(200);
    const reply = w.bot.openJsonReply(first.text, first.nonce) as {
      msgtype: string;
      template_card: WecomButtonCard;
    };
    expect(reply.msgtype).toBe('template_card');
    const card = reply.template_card;
    expect(card.main_title.title).toBe('#1 空调维修');
    expect(card.button_list.map((b) => b.text)).toEqual(['完成 #1.1']);

    const again = await w.bot.postJson('/wecom/bot', command);
    expect(again).toMatchObject({ status: 200, text: '' });
    expect(await w.engine.database.db.select().from(tasks)).toHaveLength(1);

    const clicked = await w.bot.postJson('/wecom/bot', click('evt-1', 'ZhangSan', card, '完成'));
    expect(clicked.status).toBe(200);
    expect(clicked.elapsedMs).toBeLessThan(5_000);
    const update = w.bot.openJsonReply(clicked.text, clicked.nonce) as {
      response_type: string;
      template_card: WecomButtonCard;
    };
    expect(update.response_type).toBe('update_template_card');
    expect(update.template_card.task_id).toBe(card.task_id);
    expect(update.template_card.horizontal_content_list[0]?.value).toMatch(/^已完成/);
    expect(update.template_card.button_list.map((b) => b.text)).toEqual(['同意 #1.2', '驳回 #1.2']);

    const twice = await w.bot.postJson('/wecom/bot', click('evt-1', 'ZhangSan', card, '完成'));
    expect(twice).toMatchObject({ status: 200, text: '' });
  });

  it('sends private cards through the app, takes their clicks, and updates them with the click code', async () => {
    // 李四 is told privately that #1.2 is his turn: an interactive card through message/send.
    const sent = await waitFor(
      () =>
        w.api
          .callsOf('message/send')
          .find(
            (c) =>
              c.body?.touser === 'LiSi' &&
              c.body.msgtype === 'template_card' &&
              c.body.enable_duplicate_check === 0,
          ),
      { what: 'a private card to LiSi' },
    );
    const card = sent.body?.template_card as WecomButtonCard;
    const approve = card.button_list.find((b) => b.text.startsWith('同意'));
    if (!approve) throw new Error('no approve button');
    const code = w.api.issueResponseCode();
    const xml = `<xml><ToUserName><![CDATA[ww0123456789abcdef]]></ToUserName><FromUserName><![CDATA[LiSi]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${approve.key}]]></EventKey><TaskId><![CDATA[${card.task_id}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${code}]]></ResponseCode><AgentID>1000002</AgentID></xml>`;
    const answer = await w.app.postXml('/wecom/app', xml);
    expect(answer).toMatchObject({ status: 200, text: '' });
    const update = await waitFor(
      () => w.api.callsOf('update_template_card').find((c) => c.body?.response_code === code),
      { what: 'the clicked card updated with the click code' },
    );
    expect(update.errcode).toBe(0);
    expect(update.body?.userids).toEqual(['LiSi']);
    await waitFor(
      async () => (await w.engine.database.db.select().from(tasks))[0]?.status === 'done',
      {
        what: 'the task done',
      },
    );
    // The same click delivered again (WeCom retries unanswered callbacks) changes nothing.
    const repeat = await w.app.postXml('/wecom/app', xml);
    expect(repeat.status).toBe(200);
  });

  it('answers a private text message through the app once, its 64-bit MsgId kept exact', async () => {
    const xml = `<xml><ToUserName><![CDATA[ww0123456789abcdef]]></ToUserName><FromUserName><![CDATA[ZhengYi]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/任务 修打印机\n报修 @张三 1小时内]]></Content><MsgId>4561255354251345929</MsgId><AgentID>1000002</AgentID></xml>`;
    expect((await w.app.postXml('/wecom/app', xml)).status).toBe(200);
    expect((await w.app.postXml('/wecom/app', xml)).status).toBe(200);
    const repliesToZhengYi = () =>
      w.api
        .callsOf('message/send')
        .filter((c) => JSON.stringify(c.body).includes('请在群聊里创建任务'));
    await waitFor(() => repliesToZhengYi().length > 0, { what: 'the answer in private' });
    const handled = await w.engine.database.db.select().from(inboundMessages);
    expect(handled.map((m) => m.messageId)).toContain('app-ZhengYi-4561255354251345929');
    expect(repliesToZhengYi()).toHaveLength(1);
  });

  it('reminds the owner through the app and escalates to the coordination chat through its group robot', async () => {
    const created = await w.bot.postJson(
      '/wecom/bot',
      groupMessage('msg-ladder', 'ZhengYi', '@接力 /任务 换灯泡\n采购灯泡 @张三 4秒内', ''),
    );
    expect(created.status).toBe(200);
    const toZhangSan = (pattern: RegExp) =>
      w.api
        .callsOf('message/send')
        .filter((c) => c.body?.touser === 'ZhangSan' && pattern.test(JSON.stringify(c.body)));
    await waitFor(() => toZhangSan(/【提醒】/).length > 0, { what: 'a private reminder' });
    const escalation = await waitFor(
      () =>
        w.api
          .callsOf('webhook/send')
          .find((c) => JSON.stringify(c.body).includes('【超时升级 第2级】')),
      { what: 'the escalation through the group robot', timeoutMs: 20_000 },
    );
    expect(escalation.query.key).toBe('robot-key-coordination');
    expect(escalation.errcode).toBe(0);
    expect(escalation.body?.msgtype).toBe('markdown');
    expect(toZhangSan(/【提醒】/)).toHaveLength(1);
  }, 30_000);
});

describe('WeCom API-mode bot when the engine misses the 5-second answer', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    w = await startWecomHttpEngine(undefined, { replyWaitMs: 0 });
  });
  afterAll(() => w.stop());

  it('answers empty at once and sends the card once through the response_url, as markdown in a group', async () => {
    const responseUrl = `${w.api.url}/cgi-bin/aibot/response?response_code=late1`;
    const answer = await w.bot.postJson(
      '/wecom/bot',
      groupMessage('msg-late', 'ZhengYi', '@接力 /任务 搬桌子\n找人 @张三 1小时内', responseUrl),
    );
    expect(answer).toMatchObject({ status: 200, text: '' });
    const late = await waitFor(() => w.api.callsOf('aibot/response')[0], {
      what: 'the late answer',
    });
    expect(late.query.response_code).toBe('late1');
    expect(late.body).toMatchObject({ msgtype: 'markdown' });
    expect(JSON.stringify(late.body)).toContain('#1 搬桌子');
    expect(w.api.callsOf('aibot/response')).toHaveLength(1);
  });
});

describe('WeCom API-mode bot: a callback and its redelivery at once', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    w = await startWecomHttpEngine();
  });
  afterAll(() => w.stop());

  it('a redelivery arriving while the first delivery still waits answers with the card; nothing is lost', async () => {
    const command = groupMessage(
      'CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=-concurrent',
      'ZhengYi',
      '@接力 /任务 同时到达\n检查 @张三 1小时内',
      `${w.api.url}/cgi-bin/aibot/response?response_code=rc-concurrent`,
    );
    // WeCom retries a callback it gave up on; the retry may reach another process at once.
    const first = w.bot.postJson('/wecom/bot', command);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const answers = await Promise.all([first, w.bot.postJson('/wecom/bot', command)]);
    const cards = answers
      .filter((a) => a.text !== '')
      .map((a) => w.bot.openJsonReply(a.text, a.nonce) as { template_card?: WecomButtonCard });
    expect(cards.map((c) => c.template_card?.main_title.title)).toContain('#1 同时到达');
    const rows = await w.engine.database.db.select().from(deliveries);
    expect(rows.filter((d) => d.status === 'dead')).toEqual([]);
  });
});

const DONE = {
  actionId: 'node.done',
  label: '完成',
  style: 'primary',
  value: {},
  command: '/完成',
} as const;

describe('WeCom API-mode bot at its bounds', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    w = await startWecomHttpEngine(undefined, { botLimits: { clicksMax: 0, maxOwed: 0 } });
  });
  afterAll(() => w.stop());

  it('answers 503 with Retry-After, keeping nothing, when the replies owed are at their bound', async () => {
    const url = `${w.api.url}/cgi-bin/aibot/response?response_code=full1`;
    const callback = w.bot.jsonCallback(
      '/wecom/bot',
      groupMessage('msg-full', 'ZhengYi', '@接力 /任务 满了\n找人 @张三 1小时内', url),
    );
    const response = await fetch(callback.url, callback.init);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await w.engine.database.db.select().from(inboundMessages)).toEqual([]);
    expect(w.api.callsOf('aibot/response')).toEqual([]);
  });

  it('answers a click 503 with Retry-After past the clicks it may run at once, running nothing', async () => {
    const card = {
      task_id: 'T1-abc',
      button_list: [{ text: '完成 #1.1', key: encodeButtonKey(DONE, 0) }],
    } as unknown as WecomButtonCard;
    const callback = w.bot.jsonCallback('/wecom/bot', click('evt-full', 'ZhangSan', card, '完成'));
    const response = await fetch(callback.url, callback.init);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await w.engine.database.db.select().from(inboundMessages)).toEqual([]);
  });
});
