import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { OFFICE, robotMessage, sayInDingTalk, tapCard } from '../../fakes/dingtalk/robot-frames.js';
import { waitFor } from '../../helpers/wait-for.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

const ZHENGYI = '0123456797';
const ZHANGSAN = '0123456789';

describe('DingTalk: a task from an @-command to a tap, through the real Stream client', () => {
  let dt: Running;
  beforeEach(async () => {
    dt = await startDingTalkEngine();
  });
  afterEach(() => dt.stop());

  const groupCard = () =>
    waitFor(
      () =>
        [...dt.fake.api.cards.values()].find(
          (c) => c.openSpaceId === `dtv1.card//IM_GROUP.${OFFICE}`,
        ),
      { what: 'the task card in the group' },
    );

  it('creates the task, delivers the card with the owner @-mentioned, and updates it on a tap', async () => {
    const messageId = sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, {
        senderStaffId: ZHENGYI,
        text: '/任务 空调维修\n联系供应商 @张三 1小时内',
        atStaffIds: [ZHANGSAN],
      }),
    );
    // Acked at once, with an empty response, before the engine has done anything visible.
    const ack = await waitFor(() => dt.fake.gateway.ackOf(messageId), { what: 'the ack' });
    expect(ack.data).toEqual({ response: null });

    const card = await groupCard();
    expect(card.callbackType).toBe('STREAM');
    expect(card.cardTemplateId).toBe('baton-task.schema');
    expect(card.cardParamMap.title).toBe('#1 空调维修');
    expect(card.atUserIds).toEqual({ [ZHANGSAN]: '张三' });
    const buttons = JSON.parse(card.cardParamMap.buttons ?? '[]') as {
      text: string;
      params: Record<string, string>;
    }[];
    const done = buttons.find((b) => b.text.startsWith('完成'));
    if (!done) throw new Error(`no 完成 button in ${card.cardParamMap.buttons}`);

    const tap = tapCard(dt.fake, {
      outTrackId: card.outTrackId,
      userId: ZHANGSAN,
      params: done.params,
    });
    const tapAck = await waitFor(() => dt.fake.gateway.ackOf(tap), { what: 'the tap ack' });
    const response = (
      tapAck.data as { response: { cardData: { cardParamMap: Record<string, string> } } | null }
    ).response;
    expect(response?.cardData.cardParamMap.body).toContain('✅');
    // The engine's queued in-place update reaches the card platform too.
    await waitFor(() => card.updates > 0 && card.cardParamMap.body?.includes('✅'), {
      what: 'the card updated with PUT /v1.0/card/instances',
    });
    const [task] = await dt.engine.database.db.select().from(tasks);
    expect(task?.status).toBe('done');
  }, 30_000);

  it('sends reminders privately and escalates to the coordination chat through the OpenAPI', async () => {
    sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, { senderStaffId: ZHENGYI, text: '/任务 修打印机\n报修 @张三 4秒内' }),
    );
    await groupCard();
    // Reminders are the task card with the notice on it, delivered to the robot's private chat.
    await waitFor(
      () =>
        [...dt.fake.api.cards.values()].find(
          (c) =>
            c.openSpaceId === `dtv1.card//IM_ROBOT.${ZHANGSAN}` &&
            c.cardParamMap.note?.includes('【提醒】'),
        ),
      { what: 'a private reminder card', timeoutMs: 15_000 },
    );
    const escalation = await waitFor(
      () =>
        dt.fake.api.groupMessages.find(
          (m) =>
            m.openConversationId === 'cidCoordination==' &&
            JSON.stringify(m.msgParam).includes('超时升级'),
        ),
      { what: 'the escalation in the coordination chat', timeoutMs: 20_000 },
    );
    expect(escalation.robotCode).toBe('dingfakeclientid');
    expect(escalation.msgKey).toBe('sampleText');
    // The coordinator is named: the OpenAPI robot message has no `at` field.
    expect(escalation.msgParam.content).toContain('@赵六');
  }, 40_000);

  it('answers a reply in the group through the session webhook, which costs no API quota', async () => {
    sayInDingTalk(dt.fake, robotMessage(dt.fake, { senderStaffId: ZHENGYI, text: '/帮助' }));
    const reply = await waitFor(
      () => dt.fake.api.webhookMessages.find((m) => m.channel.startsWith('session:')),
      { what: 'a reply through the session webhook' },
    );
    expect(reply.body.msgtype).toBe('text');
    expect(dt.fake.api.groupMessages).toHaveLength(0);
  });

  it('answers a private message through its session webhook too', async () => {
    sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, {
        senderStaffId: ZHENGYI,
        text: '/帮助',
        group: false,
        conversationId: 'cidPrivate==',
      }),
    );
    const reply = await waitFor(
      () => dt.fake.api.webhookMessages.find((m) => m.channel.startsWith('session:')),
      { what: 'a private reply through the session webhook' },
    );
    expect(reply.body.msgtype).toBe('text');
    expect(dt.fake.api.privateMessages).toHaveLength(0);
  });

  it('acts once on a message DingTalk delivers again', async () => {
    const message = robotMessage(dt.fake, {
      senderStaffId: ZHENGYI,
      text: '/任务 换灯泡\n采购 @张三 1小时内',
    });
    const first = sayInDingTalk(dt.fake, message);
    await waitFor(() => dt.fake.gateway.ackOf(first), { what: 'the first ack' });
    await groupCard();
    // The same message again, as DingTalk re-pushes a message whose ack came late.
    sayInDingTalk(dt.fake, message);
    const second = sayInDingTalk(dt.fake, message);
    await waitFor(() => dt.fake.gateway.ackOf(second), { what: 'the redelivery acked' });
    // A later message is answered, so the redeliveries before it have been through the engine.
    sayInDingTalk(dt.fake, robotMessage(dt.fake, { senderStaffId: ZHENGYI, text: '/帮助' }));
    await waitFor(() => dt.fake.api.webhookMessages.length > 0, { what: 'the later reply' });
    expect(await dt.engine.database.db.select().from(tasks)).toHaveLength(1);
    expect(
      [...dt.fake.api.cards.values()].filter((c) => c.openSpaceId.includes('IM_GROUP')),
    ).toHaveLength(1);
  });

  it('settles a shared name by the @-mentioned id, and says who it could be otherwise', async () => {
    sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, { senderStaffId: ZHENGYI, text: '/任务 对账\n核对 @张伟 1小时内' }),
    );
    const reply = await waitFor(
      () => dt.fake.api.webhookMessages.find((m) => m.body.text?.content.includes('对应多个人')),
      { what: 'the ambiguity explained' },
    );
    expect(reply.body.text?.content).toContain(
      '张伟（后勤部，@zhangwei1）、张伟（财务部，@zhangwei2）',
    );

    sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, {
        senderStaffId: ZHENGYI,
        text: '/任务 对账\n核对 @张伟 1小时内',
        atStaffIds: ['0200000002'],
      }),
    );
    const card = await groupCard();
    expect(card.atUserIds).toEqual({ '0200000002': '张伟' });
  });
});
