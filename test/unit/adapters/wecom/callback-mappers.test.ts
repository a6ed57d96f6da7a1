import { describe, expect, it } from 'vitest';
import { mapAibotCallback } from '../../../../adapters/wecom/callback/aibot-callback.mapper.js';
import { aibotCallbackSchema } from '../../../../adapters/wecom/callback/aibot-callback.schema.js';
import { mapAppCallback } from '../../../../adapters/wecom/callback/app-callback.mapper.js';
import {
  appMessageSchema,
  parseXml,
} from '../../../../adapters/wecom/callback/app-callback.schema.js';
import { loadWecomHttpConfig } from '../../../../adapters/wecom/callback/callback.config.js';
import { stripLeadingMention } from '../../../../adapters/wecom/callback/mention.js';

const at = new Date('2026-01-01T00:00:00Z');
const aibot = (extra: object) =>
  aibotCallbackSchema.parse({
    msgid: 'm1',
    from: { userid: 'ZhangSan' },
    msgtype: 'text',
    ...extra,
  });

describe('stripLeadingMention', () => {
  it.each([
    ['@接力 /任务 修空调', '/任务 修空调'],
    ['@接力\u2005/完成 #1.1', '/完成 #1.1'],
    ['  @Baton   /帮助 ', '/帮助'],
    ['/帮助 @张三', '/帮助 @张三'],
  ])('%j → %j', (text, expected) => {
    expect(stripLeadingMention(text)).toBe(expected);
  });
});

describe('mapAibotCallback', () => {
  it('maps a group text message, with its response_url as a reply handle', () => {
    const mapped = mapAibotCallback(
      aibot({
        chatid: 'wrG',
        chattype: 'group',
        response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x',
        text: { content: '@接力 /帮助' },
      }),
      at,
    );
    expect(mapped).toMatchObject({
      kind: 'message',
      event: {
        messageId: 'm1',
        chat: { chatId: 'wrG', isGroup: true },
        text: '/帮助',
        replyHandle: { kind: 'wecom-response-url', expiresAt: new Date('2026-01-01T01:00:00Z') },
      },
    });
  });

  it('joins the text parts of a mixed message and answers a single chat to the sender', () => {
    const mapped = mapAibotCallback(
      aibot({
        msgtype: 'mixed',
        chattype: 'single',
        mixed: {
          msg_item: [{ msgtype: 'text', text: { content: '/任务 a' } }, { msgtype: 'image' }],
        },
      }),
      at,
    );
    expect(mapped).toMatchObject({
      kind: 'message',
      event: { chat: { chatId: 'ZhangSan', isGroup: false } },
    });
  });

  it.each([
    { name: 'a stream refresh', body: { msgtype: 'stream' } },
    { name: 'enter_chat', body: { msgtype: 'event', event: { eventtype: 'enter_chat' } } },
    {
      name: 'a click on a button Baton did not make',
      body: {
        msgtype: 'event',
        event: {
          eventtype: 'template_card_event',
          template_card_event: { event_key: 'btn_ok', task_id: 't1' },
        },
      },
    },
  ])('ignores $name', ({ body }) => {
    expect(mapAibotCallback(aibot(body), at)).toEqual({ kind: 'ignored' });
  });

  it('maps a click to the neutral action carried in the button key', () => {
    const mapped = mapAibotCallback(
      aibot({
        msgtype: 'event',
        event: {
          eventtype: 'template_card_event',
          template_card_event: {
            card_type: 'button_interaction',
            event_key: 'a=node.done&taskId=tsk_1&nodeId=nod_2',
            task_id: 'task-tsk_1@ab',
          },
        },
      }),
      at,
    );
    expect(mapped).toMatchObject({
      kind: 'card-action',
      taskId: 'task-tsk_1@ab',
      event: { eventId: 'm1', actionId: 'node.done', value: { taskId: 'tsk_1', nodeId: 'nod_2' } },
    });
  });
});

describe('mapAppCallback', () => {
  const click = (createTime: string) =>
    parseXml(
      `<xml><ToUserName>ww1</ToUserName><FromUserName>LiSi</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>event</MsgType><Event>template_card_event</Event><EventKey><![CDATA[a=node.approve&taskId=t]]></EventKey><TaskId>task-t@1</TaskId><ResponseCode>rc</ResponseCode><AgentID>1000002</AgentID></xml>`,
      appMessageSchema,
    ).xml;

  it('keys a click by sender, time and event fields: the same click twice is one event, a later one another', () => {
    const first = mapAppCallback(click('1700000000'), 'ww1', at);
    const again = mapAppCallback(click('1700000000'), 'ww1', at);
    const later = mapAppCallback(click('1700000009'), 'ww1', at);
    if (
      first.kind !== 'card-action' ||
      again.kind !== 'card-action' ||
      later.kind !== 'card-action'
    ) {
      throw new Error('not clicks');
    }
    expect(first.event.eventId).toBe(again.event.eventId);
    expect(first.event.eventId).not.toBe(later.event.eventId);
    expect(first).toMatchObject({
      responseCode: 'rc',
      event: { tenantKey: 'ww1', actionId: 'node.approve' },
    });
  });
});

describe('loadWecomHttpConfig', () => {
  it('is empty without WeCom variables and defaults the API host', () => {
    expect(loadWecomHttpConfig({})).toEqual({
      apiBase: 'https://qyapi.weixin.qq.com',
      windowS: 300,
      bot: null,
      app: null,
    });
  });

  it.each([
    { WECOM_BOT_TOKEN: 'abc' },
    { WECOM_BOT_TOKEN: 'abc', WECOM_BOT_AES_KEY: 'short' },
    { WECOM_APP_SECRET: 's' },
    {
      WECOM_APP_TOKEN: 'has space',
      WECOM_APP_AES_KEY: 'a'.repeat(43),
      WECOM_CORP_ID: 'ww',
      WECOM_AGENT_ID: '1',
    },
  ])('refuses an incomplete or malformed setup %#', (env) => {
    expect(() => loadWecomHttpConfig(env)).toThrow();
  });
});
