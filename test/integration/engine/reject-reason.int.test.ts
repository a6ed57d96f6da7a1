import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** 驳回 on the card asks why; the reason reaches the requester, the rework and the reset owners. */
describe('a rejection tapped on the card', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  const lastCard = async (conversation: string, title: RegExp) => {
    const cards = (await engine.read(conversation)).filter(
      (e) => e.body.kind === 'card' && title.test(e.body.card.title),
    );
    const card = cards.at(-1);
    if (!card) throw new Error(`no card ${title} in ${conversation}`);
    return card;
  };

  it('asks for a reason, then tells the requester, the owner sent back and the parallel owner', async () => {
    await engine.say(
      'office',
      'zhengyi',
      '/任务 空调维修\n联系供应商 @张三 1小时内\n费用审批 @李四 1小时内 审批\n+ 现场配合 @王五 1小时内',
    );
    await engine.has('office', /^#1 空调维修$/);
    await engine.say('office', 'zhangsan', '/完成 #1.1');
    await engine.has('user:lisi', /轮到你了：#1\.2 费用审批/);
    await waitFor(
      async () => {
        const card = await lastCard('office', /^#1 /);
        return (
          card.body.kind === 'card' && card.body.card.actions.some((a) => a.label === '驳回 #1.2')
        );
      },
      { what: 'the group card updated' },
    );

    await engine.click('office', 'lisi', await lastCard('office', /^#1 /), '驳回');
    await engine.has('office', /^驳回 #1\.2 费用审批/);
    const prompt = await lastCard('office', /^驳回 #1\.2/);
    expect(prompt.body.kind === 'card' && prompt.body.card.actions.map((a) => a.label)).toEqual([
      '资料不全',
      '不符合要求',
      '超出预算',
      '需要重新处理',
      '其他原因',
    ]);
    // Nothing is rejected until a reason is chosen.
    expect(await engine.texts('user:zhengyi')).not.toContainEqual(expect.stringMatching(/驳回/));

    await engine.click('office', 'lisi', prompt, '其他原因');
    await engine.has('office', /请回复驳回原因，例如：\/驳回 #1\.2/);

    await engine.click('office', 'lisi', prompt, '超出预算');
    await engine.has('user:zhengyi', /节点被驳回：#1\.2 费用审批。驳回人：李四，原因：超出预算/);
    await engine.has(
      'user:zhangsan',
      /需要重新处理：#1\.1 联系供应商.*因 #1\.2 费用审批 被李四驳回，原因：超出预算/,
    );
    await engine.has(
      'user:wangwu',
      /等待返工后重新开始：#1\.3 现场配合。因 #1\.2 费用审批 被李四驳回/,
    );
    await waitFor(
      async () => {
        const card = await lastCard('office', /^#1 /);
        return card.body.kind === 'card' && card.body.card.note?.includes('被李四驳回：超出预算');
      },
      { what: 'the reason on the task card' },
    );
  }, 40_000);

  it('refuses to ask someone who may not reject', async () => {
    await engine.say('office', 'zhengyi', '/任务 采购\n审批 @李四 1小时内 审批');
    await engine.has('office', /^#1 采购$/);
    await engine.click('office', 'zhangsan', await lastCard('office', /^#1 /), '驳回');
    await engine.has('office', /只有负责人李四或协调人可以驳回节点 #1\.1/);
    expect(await engine.texts('office')).not.toContainEqual(expect.stringMatching(/^驳回 #1\.1/));
  });
});
