import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { OFFICE, robotMessage, sayInDingTalk, tapCard } from '../../fakes/dingtalk/robot-frames.js';
import { waitFor } from '../../helpers/wait-for.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

const ZHENGYI = '0123456797';
const ZHANGSAN = '0123456789';
const LISI = '0123456790';

/**
 * The engine's end-to-end scenario (test/integration/engine/task-lifecycle) on DingTalk: the same
 * core, seen through cards, OpenAPI messages and session webhooks of a local DingTalk.
 */
describe('DingTalk: a task from command to completion', () => {
  let dt: Running;
  beforeEach(async () => {
    dt = await startDingTalkEngine();
  });
  afterEach(() => dt.stop());

  /** Everything DingTalk was asked to show, as `where: text` lines. */
  const shown = (): string[] => {
    const { api } = dt.fake;
    return [
      ...[...api.cards.values()].map(
        (c) => `${c.openSpaceId}: ${c.cardParamMap.title} | ${c.cardParamMap.note ?? ''}`,
      ),
      ...api.privateMessages.flatMap((m) =>
        m.userIds.map((u) => `user:${u}: ${m.msgParam.content ?? m.msgParam.text ?? ''}`),
      ),
      ...api.groupMessages.map((m) => `chat:${m.openConversationId}: ${m.msgParam.content ?? ''}`),
      ...api.webhookMessages.map(
        (m) => `${m.channel}: ${m.body.text?.content ?? m.body.markdown?.text ?? ''}`,
      ),
    ];
  };
  const has = (pattern: RegExp, what = String(pattern)) =>
    waitFor(() => shown().some((line) => pattern.test(line)), { what, timeoutMs: 15_000 }).catch(
      (err: unknown) => {
        throw new Error(`${String(err)}\n${shown().join('\n')}`);
      },
    );
  const privately = (userId: string) => `dtv1\\.card//IM_ROBOT\\.${userId}`;

  it('creates the task, reminds, escalates, passes the baton on a tap, and closes', async () => {
    sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, {
        senderStaffId: ZHENGYI,
        text: '/任务 空调维修\n联系供应商 @张三 6秒内\n费用审批 @李四 1小时内 审批',
      }),
    );
    await has(/^dtv1\.card\/\/IM_GROUP\.cidOffice==: #1 空调维修/, 'the task card in the group');
    await has(
      new RegExp(`^${privately(ZHANGSAN)}: .*轮到你了：#1\\.1 联系供应商`),
      'the owner told',
    );
    await has(
      new RegExp(`^${privately(ZHANGSAN)}: .*【提醒】#1\\.1 联系供应商 即将到期`),
      'a reminder',
    );
    await has(new RegExp(`^${privately(ZHANGSAN)}: .*【超时升级 第1级】#1\\.1`), 'level 1');
    await has(
      /^chat:cidCoordination==: .*【超时升级 第2级】#1\.1/,
      'level 2 in the coordination chat',
    );

    const card = [...dt.fake.api.cards.values()].find((c) => c.openSpaceId.endsWith(OFFICE));
    if (!card) throw new Error('no group card');
    const buttons = JSON.parse(card.cardParamMap.buttons ?? '[]') as {
      text: string;
      params: Record<string, string>;
    }[];
    const done = buttons.find((b) => b.text.startsWith('完成'));
    if (!done) throw new Error('no 完成 button');
    tapCard(dt.fake, { outTrackId: card.outTrackId, userId: ZHANGSAN, params: done.params });
    await waitFor(() => card.cardParamMap.body?.includes('✅ #1.1'), {
      what: 'the group card updated in place',
    });
    await has(new RegExp(`^${privately(LISI)}: .*轮到你了：#1\\.2 费用审批`), 'the approver told');

    sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, {
        senderStaffId: LISI,
        text: '/同意 #1.2',
        group: false,
        conversationId: 'cidLisi==',
      }),
    );
    await has(
      /^session:.*: ✅ #1\.2 已同意。任务 #1 全部完成/,
      'a confirmation in the private chat',
    );
    await has(new RegExp(`^${privately(ZHENGYI)}: .*请为这次协作评分`), 'a rating request');
    const [task] = await dt.engine.database.db.select().from(tasks);
    expect(task?.status).toBe('done');

    const lines = shown();
    expect(lines.filter((l) => /【提醒】/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /第2级/.test(l))).toHaveLength(1);
  }, 40_000);
});
