import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpis } from '../../../src/application/kpi/compute-kpis.usecase.js';
import { kpisToCsv } from '../../../src/application/kpi/kpi-csv.js';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.js';
import type { KpiDimension, KpiRow } from '../../../src/domain/kpi/kpi.types.js';
import { createKpiSource } from '../../../src/infra/db/queries/kpi-source.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { ratings } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/**
 * Tasks with known outcomes, made the way people make them (commands, taps, the ladder firing
 * in real time on the fast ladder of test/fixtures/org/fast-ladder.yaml), then every KPI read
 * back: on time, late and escalated, sent back twice and still open, rated, late and open now.
 */
describe('every KPI of tasks with known outcomes, through the simulator', () => {
  let engine: Engine;
  const startedAt = new Date();
  beforeAll(async () => {
    engine = await startEngine();
    await makeHistory(engine);
  }, 60_000);
  afterAll(() => engine.stop());

  const kpis = async (by: KpiDimension | null) => {
    const org = await createOrgStore(engine.database.db).loadOrg('default');
    if (!org) throw new Error('no org');
    return computeKpis(createKpiSource(engine.database.db), {
      tenantId: 'default',
      calendar: createBusinessCalendar(org.calendar),
      from: new Date(startedAt.getTime() - 60_000),
      to: new Date(Date.now() + 60_000),
      by,
      now: new Date(),
    });
  };
  const row = (rows: readonly KpiRow[], key: string) => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key} in ${rows.map((r) => r.key).join(',')}`);
    return found;
  };

  it('counts each outcome once, for the whole organisation', async () => {
    const all = row((await kpis(null)).rows, 'all');
    // Finished: #1.1 on time, #2.1 after its deadline. #3.1 was done twice and sent back twice.
    expect(all.nodesFinished).toBe(2);
    expect(all.nodesOnTime).toBe(1);
    expect(all.onTimeRate).toBeCloseTo(0.5);
    expect(all.responsesMeasured).toBe(0);
    expect(all.responseOnTimeRate).toBeNull();
    expect(all.resolveWall.count).toBe(2);
    expect(all.resolveWall.meanMs).toBeGreaterThan(0);
    expect(all.resolveWall.p90Ms).toBeLessThan(Date.now() - startedAt.getTime());
    expect(all.tasksClosed).toBe(2);
    expect(all.tasksOnPlan).toBe(1);
    expect(all.onPlanRate).toBeCloseTo(0.5);
    // #3.1 sent back by two rejections, not yet done again: one node, two send-backs, of the
    // three nodes worked on (#1.1, #2.1, #3.1).
    expect(all.nodesReworked).toBe(1);
    expect(all.reworks).toBe(2);
    expect(all.reworkRate).toBeCloseTo(1 / 3);
    // #2.1 and #4.1 each reached levels 1 and 2; #4 was also raised by hand.
    expect(all.escalations).toEqual({ '1': 2, '2': 2, manual: 1 });
    expect(all.openLate).toBe(1);
    expect(all.ratingCount).toBe(2);
    expect(all.ratingMean).toBeCloseTo(3.5);
  });

  it('puts each figure under the department of the node', async () => {
    const { rows } = await kpis('department');
    expect(row(rows, 'logistics')).toMatchObject({ nodesFinished: 1, nodesOnTime: 1 });
    expect(row(rows, 'finance')).toMatchObject({
      nodesFinished: 1,
      nodesOnTime: 0,
      escalations: { '1': 1, '2': 1 },
    });
    expect(row(rows, 'procurement')).toMatchObject({
      nodesFinished: 0,
      nodesReworked: 1,
      reworks: 2,
      reworkRate: 1,
    });
    expect(row(rows, 'warehouse')).toMatchObject({ openLate: 1, escalations: { '1': 1, '2': 1 } });
    // /升级 #4 raised the task, not one node: it has no department.
    expect(row(rows, '-')).toMatchObject({ escalations: { manual: 1 } });
  });

  it('exports the same figures as CSV', async () => {
    const csv = kpisToCsv(await kpis('department'), (key) =>
      key === 'procurement' ? '采购部' : key,
    );
    const procurement = csv.split('\r\n').find((line) => line.startsWith('procurement,'));
    // No node finished; one sent back twice, at a rate of 100%.
    expect(procurement).toMatch(/^procurement,采购部,0,0,,0,0,,,,,,\d+,\d+,[^,]*,1,2,100%,/);
  });
});

async function makeHistory(engine: Engine): Promise<void> {
  const shows = (conversation: string, pattern: RegExp) =>
    waitFor(async () => (await engine.texts(conversation)).some((t) => pattern.test(t)), {
      what: `${pattern} in ${conversation}`,
      timeoutMs: 20_000,
    });

  // #1: done on time, rated 5 on the rating card.
  await engine.say('office', 'zhengyi', '/任务 按时任务\n整理 @张三 明天');
  await shows('user:zhangsan', /轮到你了：#1\.1/);
  await engine.say('user:zhangsan', 'zhangsan', '/完成 #1.1');
  await shows('user:zhengyi', /#1.*已完成，请为这次协作评分/);
  const ratingCard = (await engine.read('user:zhengyi')).find(
    (e) => e.body.kind === 'card' && e.body.card.key.startsWith('rating-'),
  );
  if (!ratingCard) throw new Error('no rating card');
  await engine.click('user:zhengyi', 'zhengyi', ratingCard, '5');

  // #2: late, escalated to level 2, then done; rated 2 by command.
  await engine.say('office', 'zhengyi', '/任务 超时任务\n核对 @李四 2秒内');
  await shows('coordination', /【超时升级 第2级】#2\.1/);
  await engine.say('user:lisi', 'lisi', '/完成 #2.1');
  await shows('user:zhengyi', /#2.*已完成，请为这次协作评分/);
  await engine.say('user:zhengyi', 'zhengyi', '/评分 #2 2');
  await shows('user:zhengyi', /感谢评分！任务 #2/);

  // #3: the approver sends the work back twice; it stays open.
  await engine.say('office', 'zhengyi', '/任务 返工任务\n采购 @孙八 明天\n审批 @钱七 明天 审批');
  for (const reason of ['报价偏高', '供应商不对']) {
    await shows('user:sunba', /#3\.1/);
    await engine.say('user:sunba', 'sunba', '/完成 #3.1');
    await shows('user:qianqi', /#3\.2/);
    const before = (await engine.texts('user:sunba')).length;
    await engine.say('user:qianqi', 'qianqi', `/驳回 #3.2 ${reason}`);
    await waitFor(async () => (await engine.texts('user:sunba')).length > before, {
      what: `#3.1 sent back (${reason})`,
    });
  }

  // #4: late and still open, escalated by the ladder and by hand.
  await engine.say('office', 'zhengyi', '/任务 悬而未决\n联系 @周九 2秒内');
  await shows('coordination', /【超时升级 第2级】#4\.1/);
  await engine.say('office', 'zhengyi', '/升级 #4 一直联系不上');
  await shows('coordination', /#4/);
  await waitFor(
    async () => {
      const saved = await engine.database.db.select().from(ratings);
      return saved.length === 2;
    },
    { what: 'both ratings saved' },
  );
}
