import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

describe('a task from command to completion, through the simulator', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  const lastCard = async (conversation: string) => {
    const entries = await engine.read(conversation);
    const cards = entries.filter((e) => e.body.kind === 'card');
    return cards.at(-1);
  };
  const has = (conversation: string, pattern: RegExp, what = String(pattern)) =>
    waitFor(async () => (await engine.texts(conversation)).some((t) => pattern.test(t)), {
      what,
      timeoutMs: 15_000,
    });

  it('creates the task, reminds, escalates, passes the baton on a click, and closes', async () => {
    await engine.say(
      'office',
      'zhengyi',
      '/任务 空调维修\n联系供应商 @张三 6秒内\n费用审批 @李四 1小时内 审批',
    );
    await has('office', /^#1 空调维修$/, 'the task card in the group');
    await has('user:zhangsan', /轮到你了：#1\.1 联系供应商/, 'the owner told privately');

    await has(
      'user:zhangsan',
      /【提醒】#1\.1 联系供应商 即将到期/,
      'a reminder before the deadline',
    );
    await has('user:zhangsan', /【超时升级 第1级】#1\.1/, 'level 1 to the owner at the deadline');
    await has('coordination', /【超时升级 第2级】#1\.1/, 'level 2 in the coordination chat');

    const zhangsan = await engine.texts('user:zhangsan');
    const card = await lastCard('office');
    if (!card) throw new Error('no card');
    await engine.click('office', 'zhangsan', card, '完成');
    await waitFor(
      async () => {
        const updated = (await engine.read('office')).find((e) => e.id === card.id);
        return updated?.body.kind === 'card' && updated.body.card.steps[0]?.state === 'done';
      },
      { what: 'the card updated in place' },
    );
    await has('user:lisi', /轮到你了：#1\.2 费用审批/, 'the approver told');

    await engine.say('user:lisi', 'lisi', '/同意 #1.2');
    await has('user:lisi', /✅ #1\.2 已同意。任务 #1 全部完成/, 'a confirmation');
    await has('user:zhengyi', /已完成，请为这次协作评分/, 'a rating request to the requester');
    const [task] = await engine.database.db.select().from(tasks);
    expect(task?.status).toBe('done');

    // Each ping reached each person once (read before the click, which brings 张三's private
    // copy, the level-1 card, up to date).
    expect(zhangsan.filter((t) => /【提醒】/.test(t))).toHaveLength(1);
    expect(zhangsan.filter((t) => /第1级/.test(t))).toHaveLength(1);
    expect((await engine.texts('coordination')).filter((t) => /第2级/.test(t))).toHaveLength(1);
    expect(await engine.texts('user:zhangsan')).toContainEqual(
      expect.stringMatching(/此卡片已更新为任务的最新状态/),
    );
  }, 40_000);

  it('re-plans the pings on an approved extension, and clears them when the node is done', async () => {
    const schedule = engine.queues.queue('schedule');
    /** The delayed pings, id → the moment each fires. */
    const pings = async () =>
      new Map((await schedule.getDelayed()).map((job) => [job.id, job.timestamp + job.delay]));
    await engine.say('office', 'zhengyi', '/任务 延期演示\n联系供应商 @张三 1小时内');
    await has('office', /^#1 延期演示$/, 'the task card');
    await waitFor(async () => (await pings()).size > 0, { what: "the node's pings scheduled" });
    const before = await pings();

    await engine.say('user:zhangsan', 'zhangsan', '/延期 #1.1 3小时内 等供应商报价');
    await has(
      'office',
      /延期申请待发起人审批：张三申请把 #1\.1 联系供应商 的截止时间从 .+ 延到 .+，原因：等供应商报价/,
      'the request on the card',
    );
    // The requester is asked with who asks, the deadline asked for, the reason and the buttons.
    await has(
      'user:zhengyi',
      /【接力】张三申请把 #1\.1 联系供应商 的截止时间从 \S+ \d\d:\d\d 延到 \S+ \d\d:\d\d，原因：等供应商报价。请在卡片上批准或拒绝/,
      'the request to the requester',
    );
    const asked = (await engine.read('user:zhengyi')).at(-1);
    expect(asked?.body.kind === 'card' && asked.body.card.actions.map((a) => a.label)).toEqual(
      expect.arrayContaining(['批准延期', '拒绝延期']),
    );
    const card = await lastCard('office');
    if (!card) throw new Error('no card');
    await engine.click('office', 'zhengyi', card, '批准延期');
    await has('user:zhangsan', /延期已批准/, 'the owner told');
    const replanned = await waitFor(
      async () => {
        const after = await pings();
        const fresh = [...after.keys()].every((id) => !before.has(id));
        return after.size > 0 && fresh ? after : undefined;
      },
      { what: 'the pings re-planned under the new deadline' },
    );
    // Every ping of the old plan is gone; the new plan's last step is about two hours later.
    const latest = (m: Map<unknown, number>) => Math.max(...m.values());
    expect(latest(replanned) - latest(before)).toBeGreaterThan(1.5 * 3_600_000);

    const updated = await lastCard('office');
    if (!updated) throw new Error('no card');
    await engine.click('office', 'zhangsan', updated, '完成');
    await waitFor(async () => (await pings()).size === 0, { what: 'every ping cleared' });
  }, 30_000);

  it('acts once on a message delivered three times', async () => {
    for (let i = 0; i < 3; i++) {
      await engine.say(
        'office',
        'zhengyi',
        '/任务 修打印机\n报修 @张三 1小时内',
        'same-message-id',
      );
    }
    await has('office', /^#1 修打印机$/);
    expect(await engine.database.db.select().from(tasks)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect((await engine.texts('office')).filter((t) => t.includes('修打印机'))).toHaveLength(1);
  });

  it('answers a mistake in Chinese with the usage, and writes nothing', async () => {
    await engine.say('office', 'zhengyi', '/任务 修空调\n联系供应商 明天');
    await has('office', /没有负责人/);
    const answer = (await engine.texts('office')).at(-1);
    expect(answer).toContain('用法：/任务');
    expect(answer).not.toContain('用法：用法');
    await engine.say('office', 'lisi', '/完成');
    await has('office', /你现在没有进行中的节点/);
    expect(await engine.database.db.select().from(tasks)).toHaveLength(0);
  });

  it('refuses an action by someone who may not take it, politely naming who can', async () => {
    await engine.say('office', 'zhengyi', '/任务 修空调\n联系供应商 @张三 1小时内');
    await has('office', /^#1 修空调$/);
    await engine.say('office', 'lisi', '/完成 #1.1');
    await has('office', /只有负责人张三或协调人可以完成节点 #1\.1/);
  });

  it('starts a task from an SOP template with /流程', async () => {
    await engine.say('office', 'zhengyi', '/流程 采购 物品=笔记本电脑 数量=3');
    await has('office', /^#1 物资采购：笔记本电脑 × 3$/, 'the flow card');
    await has('user:zhengyi', /轮到你了：#1\.1 需求提报/, 'the requester owns the first step');
    await engine.say('office', 'zhengyi', '/流程 采购 物品=纸');
    await has('office', /还缺：数量/, 'a missing field named');
  });
});
