import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, nodes, tasks } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** 冯十二 of 安保部: neither requester, owner, coordinator nor admin of the task below. */
const OUTSIDER = 'fengshier';

/** Every command on the task or its active node that only its people (or coordinators) may use. */
const REFUSED: readonly string[] = [
  '/完成 #1.1',
  '/收到 #1.1',
  '/转交 #1.1 @王五 出差',
  '/挂起 #1.1 等材料',
  '/恢复 #1.1',
  '/延期 #1.1 周五前 太忙',
  '/撤销 #1 不需要了',
  '/抄送 #1 @钱七',
];

describe('authorization: someone who may not act is refused, and nothing changes', () => {
  let engine: Engine;
  let card: Awaited<ReturnType<Engine['read']>>[number];

  const snapshot = async () => ({
    tasks: await engine.database.db.select().from(tasks),
    nodes: await engine.database.db.select().from(nodes),
    events: (await engine.database.db.select().from(events)).length,
  });
  /** Says `command` as `person` and waits for Baton's error answer to it. */
  const refusalOf = async (person: string, command: string) => {
    const seen = (await engine.texts('office')).length;
    await engine.say('office', person, command);
    return waitFor(
      async () => (await engine.texts('office')).slice(seen).find((t) => t.startsWith('❗')),
      { what: `the answer to ${command}` },
    );
  };

  beforeAll(async () => {
    engine = await startEngine();
    await engine.say(
      'office',
      'zhengyi',
      '/任务 修空调\n联系供应商 @张三 1天内\n费用审批 @李四 1天内 审批',
    );
    card = await waitFor(
      async () =>
        (await engine.read('office')).find(
          (e) => e.body.kind === 'card' && e.body.card.title === '#1 修空调',
        ),
      { what: 'the task card' },
    );
  }, 30_000);
  afterAll(() => engine.stop());

  it.each(REFUSED)('refuses %j, naming who may', async (command) => {
    const before = await snapshot();
    expect(await refusalOf(OUTSIDER, command)).toMatch(/^❗(抱歉，)?只有.+可以/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a tap on the card by someone else, and the node stays active', async () => {
    const before = await snapshot();
    const seen = (await engine.texts('office')).length;
    await engine.click('office', OUTSIDER, card, '完成');
    await waitFor(
      async () => (await engine.texts('office')).slice(seen).some((t) => /只有负责人张三/.test(t)),
      { what: 'the refusal of the tap' },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an approval by someone who is not the approver once the node is active', async () => {
    await engine.say('office', 'zhangsan', '/完成 #1.1');
    await waitFor(
      async () =>
        (await engine.database.db.select().from(nodes)).some(
          (n) => n.seq === 2 && n.status === 'active',
        ),
      { what: 'the approval node active' },
    );
    const before = await snapshot();
    for (const command of ['/同意 #1.2', '/驳回 #1.2 太贵', '/加签 #1.2 @钱七']) {
      expect(await refusalOf(OUTSIDER, command)).toMatch(/^❗(抱歉，)?只有.+可以/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets only the requester rate, and only a finished task', async () => {
    expect(await refusalOf('zhengyi', '/评分 #1 5')).toMatch(/还没有完成/);
    await engine.say('office', 'lisi', '/同意 #1.2');
    await waitFor(
      async () => (await engine.database.db.select().from(tasks))[0]?.status === 'done',
      { what: 'the task done' },
    );
    const before = await snapshot();
    expect(await refusalOf(OUTSIDER, '/评分 #1 1 很差')).toMatch(/^❗(抱歉，)?只有.+可以/);
    expect(await snapshot()).toEqual(before);
  });
});
