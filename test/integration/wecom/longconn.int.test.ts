import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, tasks } from '../../../src/infra/db/schema/index.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import { startWecomEngine, TEST_BOT_ID } from '../../fakes/wecom/longconn-engine.js';
import type { RecordedFrame } from '../../fakes/wecom/ws-server.js';
import { waitFor } from '../../helpers/wait-for.js';

type Setup = Awaited<ReturnType<typeof startWecomEngine>>;

const OFFICE = 'wrOfficeGroup';

interface SentCard {
  readonly task_id: string;
  readonly main_title: { readonly title: string };
  readonly sub_title_text?: string;
  readonly horizontal_content_list: readonly { keyname: string; value: string }[];
  readonly button_list: readonly { text: string; key: string }[];
}

const cardOf = (frame: RecordedFrame): SentCard | null =>
  frame.body?.msgtype === 'template_card' ? (frame.body.template_card as SentCard) : null;
const markdownOf = (frame: RecordedFrame): string | null =>
  frame.body?.msgtype === 'markdown' ? (frame.body.markdown as { content: string }).content : null;

const sendsTo = (s: Setup, chatid: string) =>
  s.server.sends.filter((f) => f.body?.chatid === chatid);
const cardIn = (s: Setup, chatid: string, title: RegExp) =>
  waitFor(
    () =>
      sendsTo(s, chatid)
        .map(cardOf)
        .find((c) => c !== null && title.test(c.main_title.title)) ?? false,
    { what: `a card ${title} to ${chatid}`, timeoutMs: 15_000 },
  );
const markdownIn = (s: Setup, chatid: string, pattern: RegExp) =>
  waitFor(
    () =>
      sendsTo(s, chatid)
        .map(markdownOf)
        .find((m) => m !== null && pattern.test(m)) ?? false,
    { what: `${pattern} to ${chatid}`, timeoutMs: 15_000 },
  );

describe('WeCom intelligent bot over the long connection (real SDK, local WeCom)', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await startWecomEngine();
    await s.connect();
    await waitFor(() => s.server.liveConnections(TEST_BOT_ID) === 1, { what: 'the connection' });
  });
  afterEach(() => s.stop());

  const buttonKey = (card: SentCard, label: string) => {
    const button = card.button_list.find((b) => b.text.startsWith(label));
    if (!button) throw new Error(`no ${label} button`);
    return button.key;
  };
  const cardUpdatesSent = async () =>
    (
      await s.engine.database.db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.purpose, 'card-update'), eq(deliveries.status, 'sent')))
    ).length;

  it('turns a group @-command into a task and posts its card as a button_interaction card', async () => {
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhengYi',
      content: '@接力 /任务 空调维修\n联系供应商 @张三 1小时内',
    });
    const card = await cardIn(s, OFFICE, /#1 空调维修/);
    expect(card.task_id).toMatch(/^[0-9A-Za-z_\-@]{1,128}$/);
    expect(card.button_list.map((b) => b.text)).toEqual([expect.stringMatching(/^完成/)]);
    // The owner is told privately, by a proactive send to their userid.
    await cardIn(s, 'ZhangSan', /#1 空调维修/);
  });

  it('updates the clicked card within the 5-second window (完成, documented nested shape)', async () => {
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhengYi',
      content: '@接力 /任务 空调维修\n联系供应商 @张三 1小时内\n费用审批 @李四 1小时内 审批',
    });
    const card = await cardIn(s, OFFICE, /#1 空调维修/);
    s.server.pushCardClick(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhangSan',
      taskId: card.task_id,
      eventKey: buttonKey(card, '完成'),
      shape: 'nested',
    });
    const update = await waitFor(() => s.server.updates[0] ?? false, { what: 'a card update' });
    expect(update.errcode).toBe(0);
    expect(update.afterCallbackMs).toBeLessThan(5_000);
    const updated = (update.body as { template_card: SentCard }).template_card;
    expect(updated.task_id).toBe(card.task_id);
    expect(updated.button_list.map((b) => b.text)).toEqual([
      expect.stringMatching(/^同意/),
      expect.stringMatching(/^驳回/),
    ]);
    // The engine's queued update of the same change finds the card already shown: no second post.
    await waitFor(async () => (await cardUpdatesSent()) === 1, { what: 'the queued update' });
    expect(sendsTo(s, OFFICE).filter((f) => cardOf(f) !== null)).toHaveLength(1);

    // 同意 and 驳回 arrive in the SDK's flat shape; each updates the card in place.
    s.server.pushCardClick(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'LiSi',
      taskId: card.task_id,
      eventKey: buttonKey(updated, '驳回'),
      shape: 'flat',
    });
    const asked = await waitFor(() => s.server.updates[1] ?? false, { what: 'second update' });
    expect(asked.errcode).toBe(0);
    // 驳回 asks for the reason on a card of its own; choosing one rejects.
    const prompt = await cardIn(s, OFFICE, /^驳回 #1\.2/);
    s.server.pushCardClick(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'LiSi',
      taskId: prompt.task_id,
      eventKey: buttonKey(prompt, '超出预算'),
      shape: 'flat',
    });
    const rejected = await waitFor(() => s.server.updates[2] ?? false, { what: 'third update' });
    expect(rejected.errcode).toBe(0);
    expect(rejected.afterCallbackMs).toBeLessThan(5_000);
    const chosen = (rejected.body as { template_card: SentCard }).template_card;
    expect(chosen.main_title.title).toMatch(/^已驳回 #1\.2/);
    expect(chosen.button_list).toEqual([]);
    // 张三 redoes #1.1: the group card's 完成 button is the one it had at first.
    s.server.pushCardClick(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhangSan',
      taskId: card.task_id,
      eventKey: buttonKey(card, '完成'),
      shape: 'flat',
    });
    const redone = await waitFor(() => s.server.updates[3] ?? false, { what: 'fourth update' });
    s.server.pushCardClick(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'LiSi',
      taskId: card.task_id,
      eventKey: buttonKey((redone.body as { template_card: SentCard }).template_card, '同意'),
      shape: 'nested',
    });
    await waitFor(
      async () => (await s.engine.database.db.select().from(tasks))[0]?.status === 'done',
      { what: 'the task done' },
    );
    expect(s.server.updates.every((u) => u.errcode === 0)).toBe(true);
  });

  it('posts the card anew when the task changes without a click (no update outside the window)', async () => {
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhengYi',
      content: '@接力 /任务 空调维修\n联系供应商 @张三 1小时内\n费用审批 @李四 1小时内 审批',
    });
    const first = await cardIn(s, OFFICE, /#1 空调维修/);
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhangSan',
      content: '@接力 /完成 #1.1',
    });
    const second = await waitFor(
      () =>
        sendsTo(s, OFFICE)
          .map(cardOf)
          .find((c) => c !== null && c.task_id !== first.task_id) ?? false,
      { what: 'a fresh card in the group' },
    );
    expect(second.button_list.map((b) => b.text)).toEqual([
      expect.stringMatching(/^同意/),
      expect.stringMatching(/^驳回/),
    ]);
    expect(s.server.updates).toHaveLength(0);
  });

  it('delivers a reminder and a coordination-chat escalation by proactive send', async () => {
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhengYi',
      content: '@接力 /任务 修打印机\n报修 @张三 6秒内',
    });
    const reminder = await cardIn(s, 'ZhangSan', /#1 修打印机/);
    expect(reminder.button_list.length).toBeGreaterThan(0);
    await waitFor(
      () =>
        sendsTo(s, 'ZhangSan')
          .map(cardOf)
          .some((c) => c?.sub_title_text?.includes('【提醒】')),
      { what: 'the reminder card', timeoutMs: 15_000 },
    );
    const escalation = await markdownIn(s, 'wrCoordination', /【超时升级 第2级】#1\.1/);
    expect(escalation).toContain('<@ZhaoLiu>');
  }, 30_000);

  it('reconnects after the network drops the connection and carries on', async () => {
    s.server.dropAll();
    await waitFor(() => s.server.authentications.length === 2, { what: 'the reconnection' });
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhengYi',
      content: '@接力 /任务 修打印机\n报修 @张三 1小时内',
    });
    await cardIn(s, OFFICE, /#1 修打印机/);
    expect(s.server.liveConnections(TEST_BOT_ID)).toBe(1);
  });

  it('acts once on a message id delivered twice', async () => {
    for (let i = 0; i < 2; i++) {
      s.server.pushText(TEST_BOT_ID, {
        chatid: OFFICE,
        userid: 'ZhengYi',
        content: '@接力 /任务 修打印机\n报修 @张三 1小时内',
        msgid: 'same-msgid',
      });
    }
    await cardIn(s, OFFICE, /#1 修打印机/);
    await waitFor(async () => (await s.engine.database.db.select().from(tasks)).length === 1);
    await waitFor(async () => {
      const rows = await s.engine.database.db.select().from(deliveries);
      return rows.length > 0 && rows.every((r) => r.status === 'sent');
    });
    expect(await s.engine.database.db.select().from(tasks)).toHaveLength(1);
    expect(sendsTo(s, OFFICE).filter((f) => cardOf(f) !== null)).toHaveLength(1);
  });
});

describe('a failing handler on the long connection', () => {
  let s: Setup;
  afterEach(() => s.stop());

  it('logs and carries on: the next message is handled', async () => {
    s = await startWecomEngine();
    const flaky: InboundHandler = {
      handle: (event) => s.engine.inbound.handle(event),
      enqueue: (event) => s.engine.inbound.enqueue(event),
      keep: (event) =>
        event.type === 'message' && event.text.includes('boom')
          ? Promise.reject(new Error('handler exploded'))
          : s.engine.inbound.keep(event),
    };
    await s.connect(s.wecom, flaky);
    await waitFor(() => s.server.liveConnections(TEST_BOT_ID) === 1, { what: 'the connection' });
    s.server.pushText(TEST_BOT_ID, { chatid: OFFICE, userid: 'ZhengYi', content: '@接力 boom' });
    s.server.pushCardClick(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhangSan',
      taskId: 'not-ours',
      eventKey: 'a key Baton never made',
      shape: 'nested',
    });
    s.server.pushText(TEST_BOT_ID, {
      chatid: OFFICE,
      userid: 'ZhengYi',
      content: '@接力 /任务 修打印机\n报修 @张三 1小时内',
    });
    await cardIn(s, OFFICE, /#1 修打印机/);
    expect(s.server.liveConnections(TEST_BOT_ID)).toBe(1);
  });
});
