import { describe, expect, it } from 'vitest';
import {
  toInboundCardAction,
  toInboundMessage,
} from '../../../../adapters/wecom/longconn/inbound-frames.js';
import { decodeButtonKey } from '../../../../adapters/wecom/render/button-key.js';

const at = new Date('2026-01-05T01:00:00Z');
const KEY = 'a=node.done&taskId=tsk_1&nodeId=nod_1';

const click = (event: Record<string, unknown>) => ({
  msgid: 'evt-1',
  create_time: 1_767_574_800,
  aibotid: 'BOT',
  chatid: 'wrGroup',
  chattype: 'group',
  from: { userid: 'ZhangSan' },
  msgtype: 'event',
  event,
});

describe('long-connection callback bodies as neutral events', () => {
  it('strips the leading @BotName of a group message and keeps msgid, chat and sender', () => {
    const message = toInboundMessage(
      {
        msgid: 'CAIQ16HMjQYY',
        aibotid: 'BOT',
        chatid: 'wrGroup',
        chattype: 'group',
        from: { userid: 'ZhengYi' },
        msgtype: 'text',
        text: { content: '@接力\u2005/任务 修打印机' },
      },
      at,
    );
    expect(message).toMatchObject({
      platform: 'wecom',
      messageId: 'CAIQ16HMjQYY',
      chat: { chatId: 'wrGroup', isGroup: true },
      sender: { platformUserId: 'ZhengYi' },
      text: '/任务 修打印机',
    });
  });

  it('treats a message without chatid as a private chat with the sender', () => {
    const message = toInboundMessage(
      {
        msgid: 'm2',
        chattype: 'single',
        from: { userid: 'LiSi' },
        msgtype: 'text',
        text: { content: ' /待办 ' },
      },
      at,
    );
    expect(message?.chat).toEqual({ chatId: 'LiSi', isGroup: false });
    expect(message?.text).toBe('/待办');
  });

  it('ignores bodies that are not text messages', () => {
    expect(
      toInboundMessage({ msgid: 'm3', from: { userid: 'x' }, msgtype: 'image' }, at),
    ).toBeNull();
    expect(toInboundMessage({ msgtype: 'text', text: { content: 'no id' } }, at)).toBeNull();
  });

  it('reads a click in the documented nested shape and in the SDK’s flat shape alike', () => {
    const fields = { card_type: 'button_interaction', event_key: KEY, task_id: 'task-tsk_1@ab' };
    const nested = toInboundCardAction(
      click({ eventtype: 'template_card_event', template_card_event: fields }),
      at,
      decodeButtonKey,
    );
    const flat = toInboundCardAction(
      click({ eventtype: 'template_card_event', ...fields }),
      at,
      decodeButtonKey,
    );
    expect(nested).toEqual(flat);
    expect(nested).toMatchObject({
      type: 'card-action',
      eventId: 'evt-1',
      cardRef: 'task-tsk_1@ab',
      actionId: 'node.done',
      value: { taskId: 'tsk_1', nodeId: 'nod_1' },
      user: { platformUserId: 'ZhangSan' },
      chat: { chatId: 'wrGroup', isGroup: true },
    });
  });

  it('ignores other events and buttons Baton did not make', () => {
    expect(toInboundCardAction(click({ eventtype: 'enter_chat' }), at, decodeButtonKey)).toBeNull();
    expect(
      toInboundCardAction(
        click({ eventtype: 'template_card_event', event_key: 'foreign', task_id: 't' }),
        at,
        decodeButtonKey,
      ),
    ).toBeNull();
    expect(
      toInboundCardAction(click({ eventtype: 'template_card_event' }), at, decodeButtonKey),
    ).toBeNull();
  });
});
