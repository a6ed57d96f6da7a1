import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardRefs } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** What a tap leaves behind: the owner's private copy follows the task, a rating is thanked. */
describe('after a tap', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  const cardEntry = async (conversation: string, title: RegExp) => {
    const entry = (await engine.read(conversation)).find(
      (e) => e.body.kind === 'card' && title.test(e.body.card.title),
    );
    if (!entry) throw new Error(`no card ${title} in ${conversation}`);
    return entry;
  };
  const labels = async (conversation: string, id: number) => {
    const entry = (await engine.read(conversation)).find((e) => e.id === id);
    return entry?.body.kind === 'card' ? entry.body.card.actions.map((a) => a.label) : null;
  };

  it("updates the owner's private copy once the node is done, and thanks a rating tap", async () => {
    await engine.say('office', 'zhengyi', '/任务 修打印机\n报修 @张三 1小时内');
    await engine.has('user:zhangsan', /轮到你了：#1\.1 报修/);
    const copy = await cardEntry('user:zhangsan', /^#1 修打印机$/);
    expect(await labels('user:zhangsan', copy.id)).toEqual(['完成 #1.1']);
    // Its reference is kept once the send is recorded.
    await waitFor(
      async () =>
        (
          await engine.database.db
            .select()
            .from(cardRefs)
            .where(eq(cardRefs.target, 'user:zhangsan'))
        ).length === 1,
      { what: 'the private copy recorded' },
    );

    await engine.click('office', 'zhangsan', await cardEntry('office', /^#1 修打印机$/), '完成');
    await waitFor(async () => (await labels('user:zhangsan', copy.id))?.length === 0, {
      what: 'the private copy without its 完成 button',
    });

    await engine.has('user:zhengyi', /请为这次协作评分/);
    await engine.click('user:zhengyi', 'zhengyi', await cardEntry('user:zhengyi', /^请为/), '5 分');
    await engine.has('user:zhengyi', /感谢评分！任务 #1 修打印机：5 分/);
  });
});
