import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personSettings, ratings } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** Waits until a message matching `pattern` is in the conversation. */
const shows = (engine: Engine, conversation: string, pattern: RegExp) =>
  waitFor(async () => (await engine.texts(conversation)).some((t) => pattern.test(t)), {
    what: `${pattern} in ${conversation}`,
    timeoutMs: 15_000,
  });

describe('ratings, /周报 and /摘要 through the simulator', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(() => engine.stop());

  const has = (conversation: string, pattern: RegExp) => shows(engine, conversation, pattern);
  const rating = async () =>
    (await engine.database.db.select().from(ratings)).map((r) => [r.score, r.comment]);

  it('asks the requester for a rating when the task is done, by card and by command', async () => {
    await engine.say('office', 'zhengyi', '/任务 打印机换墨盒\n换墨盒 @张三 1小时内');
    await has('user:zhangsan', /轮到你了：#1\.1/);
    await engine.say('user:zhangsan', 'zhangsan', '/完成 #1.1');
    await has('user:zhengyi', /已完成，请为这次协作评分/);
    const card = (await engine.read('user:zhengyi')).find(
      (e) => e.body.kind === 'card' && e.body.card.key.startsWith('rating-'),
    );
    if (card?.body.kind !== 'card') throw new Error('no rating card');
    expect(card.body.card.actions.map((a) => a.label)).toEqual([
      '1 分',
      '2 分',
      '3 分',
      '4 分',
      '5 分',
    ]);

    await engine.click('user:zhengyi', 'zhengyi', card, '5');
    expect(await rating()).toEqual([[5, null]]);

    await engine.say('user:zhengyi', 'zhengyi', '/评分 #1 3 有点慢');
    await has('user:zhengyi', /感谢评分！任务 #1 打印机换墨盒：3 分/);
    expect(await rating()).toEqual([[3, '有点慢']]);

    await engine.say('user:zhangsan', 'zhangsan', '/评分 #1 5');
    await has('user:zhangsan', /只有发起人可以为任务 #1 评分/);
    expect(await rating()).toEqual([[3, '有点慢']]);
  });

  it('refuses to rate a task that is still open', async () => {
    await engine.say('office', 'zhengyi', '/任务 修门锁\n修锁 @张三 1小时内');
    await has('office', /^#2 修门锁$/);
    await engine.say('office', 'zhengyi', '/评分 #2 4');
    await has('office', /任务 #2 还没有完成/);
  });

  it('answers /周报 with the report card of the period asked', async () => {
    await engine.say('coordination', 'zhaoliu', '/周报');
    await has('coordination', /^📊 协作报告 /);
    const [report] = (await engine.read('coordination')).filter(
      (e) => e.body.kind === 'card' && e.body.card.title.startsWith('📊'),
    );
    if (report?.body.kind !== 'card') throw new Error('no report');
    const finished = report.body.card.fields.find((f) => f.label === '完成节点');
    expect(finished?.value).toBe('1（上期 0）');
    await engine.say('coordination', 'zhaoliu', '/周报 2026-11-01 2026-11-15');
    await has('coordination', /^📊 协作报告 11月1日—11月15日/);
    await engine.say('coordination', 'zhaoliu', '/周报 11月15日 11月1日');
    await has('coordination', /结束日期 \d{4}-11-01 早于开始日期 \d{4}-11-15/);
  });

  it('turns the daily digest off and on by command and by the card button', async () => {
    const setting = async () =>
      (
        await engine.database.db
          .select()
          .from(personSettings)
          .where(eq(personSettings.personId, 'zhangsan'))
      ).map((s) => s.dailyDigest);
    await engine.say('user:zhangsan', 'zhangsan', '/摘要 关');
    await has('user:zhangsan', /每日摘要已关闭/);
    expect(await setting()).toEqual([false]);
    await engine.say('user:zhangsan', 'zhangsan', '/摘要 也许');
    await has('user:zhangsan', /请写「开」或「关」/);
    await engine.inbound.handle({
      type: 'card-action',
      platform: 'sim',
      tenantKey: 'default',
      eventId: 'digest-on-click',
      chat: null,
      user: { platformUserId: 'zhangsan', displayName: null },
      cardRef: 'digest',
      actionId: 'digest.on',
      value: {},
      receivedAt: new Date(),
      replyHandle: null,
    });
    expect(await setting()).toEqual([true]);
  });
});

describe('a rating more than a week old', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(() => engine.stop());

  it('stays as it is: a change is refused', async () => {
    const has = (conversation: string, pattern: RegExp) => shows(engine, conversation, pattern);
    await engine.say('office', 'zhengyi', '/任务 换灯管\n换灯管 @张三 1小时内');
    await has('user:zhangsan', /轮到你了：#1\.1/);
    await engine.say('user:zhangsan', 'zhangsan', '/完成 #1.1');
    await has('user:zhengyi', /已完成，请为这次协作评分/);
    await engine.say('user:zhengyi', 'zhengyi', '/评分 #1 4');
    await has('user:zhengyi', /感谢评分！任务 #1 换灯管：4 分/);
    // Given eight days ago.
    await engine.database.db
      .update(ratings)
      .set({ createdAt: new Date(Date.now() - 8 * 24 * 3_600_000) });
    await engine.say('user:zhengyi', 'zhengyi', '/评分 #1 1 改主意了');
    await has('user:zhengyi', /任务 #1 的评分已超过一周，不能再修改/);
    const stored = (await engine.database.db.select().from(ratings)).map((r) => [
      r.score,
      r.comment,
    ]);
    expect(stored).toEqual([[4, null]]);
  });
});
