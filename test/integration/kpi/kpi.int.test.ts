import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpis } from '../../../src/application/kpi/compute-kpis.usecase.js';
import { kpisToCsv } from '../../../src/application/kpi/kpi-csv.js';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.js';
import type { KpiDimension, KpiRow } from '../../../src/domain/kpi/kpi.types.js';
import { createKpiSource } from '../../../src/infra/db/queries/kpi-source.drizzle.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { at, TENANT, writeKnownHistory } from './kpi-history.js';

const H = 3_600_000;
const calendar = createBusinessCalendar({
  timezone: 'Asia/Shanghai',
  workStartMinute: 9 * 60,
  workEndMinute: 18 * 60,
  holidays: 'none',
  extraHolidays: ['2026-11-11'],
  extraWorkdays: [],
  officialSchedules: [],
});

describe('KPIs of a known week (11-09 to 11-16, 11-11 a holiday)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await writeKnownHistory(database);
  });
  afterAll(() => database.destroy());

  const kpis = async (by: KpiDimension | null) =>
    computeKpis(createKpiSource(database.db), {
      tenantId: TENANT,
      calendar,
      from: at('11-09 00:00'),
      to: at('11-16 00:00'),
      by,
      now: at('11-16 10:00'),
    });
  const row = (rows: readonly KpiRow[], key: string) => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`no row ${key}`);
    return found;
  };

  it('computes every KPI of the whole organisation', async () => {
    const { rows } = await kpis(null);
    expect(rows).toHaveLength(1);
    const all = row(rows, 'all');
    // Finished in the week: 1.1, 1.2, 2.1, 3.1, 3.2 (6.1 finished the week before).
    expect(all.nodesFinished).toBe(5);
    // 1.2 finished 15:00 against a 12:00 deadline; 2.1 counts against its extended deadline.
    expect(all.nodesOnTime).toBe(4);
    expect(all.onTimeRate).toBeCloseTo(0.8);
    // Limits: 1.1 ack 10:30 ≤ 11:00 ✓; 1.2 no ack, decided 11-10 15:00 > 11-09 18:00 ✗;
    // 3.1 ack 09:10 ≤ 10:00 ✓; 3.2 ack 16:00 > 12:00 ✗.
    expect(all.responsesMeasured).toBe(4);
    expect(all.responsesOnTime).toBe(2);
    expect(all.responseOnTimeRate).toBeCloseTo(0.5);
    // Wall hours, first activation to completion less paused: 6, 23, 41−40=1, 24, 30.
    expect(all.resolveWall.count).toBe(5);
    expect(all.resolveWall.meanMs).toBeCloseTo(16.8 * H);
    expect(all.resolveWall.p90Ms).toBe(30 * H);
    // Working hours (09–18, 11-11 off): 6; 2+6=8; (1+0+1)−(0.5+0.5)=1; 8+1=9; 7+8=15.
    expect(all.resolveWorking.meanMs).toBeCloseTo(7.8 * H);
    expect(all.resolveWorking.p90Ms).toBe(15 * H);
    // Closed: #1 (1.2 late), #2, #3 on plan; #4 cancelled is left out.
    expect(all.tasksClosed).toBe(3);
    expect(all.tasksOnPlan).toBe(2);
    expect(all.onPlanRate).toBeCloseTo(2 / 3);
    // Only 3.1 was sent back and redone.
    expect(all.nodesReworked).toBe(1);
    expect(all.reworkRate).toBeCloseTo(0.2);
    // 4.1 and 5.1 reached levels 1 and 2 in the week, #5 was raised by hand; 6.1's was before.
    expect(all.escalations).toEqual({ '1': 2, '2': 2, manual: 1 });
    expect(all.openLate).toBe(1);
    expect(all.ratingCount).toBe(3);
    expect(all.ratingMean).toBeCloseTo(11 / 3);
  });

  it('splits them per department', async () => {
    const { rows } = await kpis('department');
    expect(rows.map((r) => r.key)).toEqual(['finance', 'logistics', 'procurement', 'warehouse']);
    const logistics = row(rows, 'logistics');
    expect(logistics).toMatchObject({ nodesFinished: 2, nodesOnTime: 2, onTimeRate: 1 });
    expect(logistics).toMatchObject({ responsesMeasured: 1, responsesOnTime: 1, tasksClosed: 2 });
    expect(logistics).toMatchObject({ tasksOnPlan: 1, ratingCount: 2, ratingMean: 4.5 });
    expect(logistics.resolveWall).toEqual({ count: 2, meanMs: 3.5 * H, p90Ms: 6 * H });
    const finance = row(rows, 'finance');
    expect(finance).toMatchObject({ nodesFinished: 2, nodesOnTime: 1, onTimeRate: 0.5 });
    expect(finance).toMatchObject({ responsesMeasured: 2, responsesOnTime: 0, ratingMean: 3 });
    expect(finance.resolveWorking).toEqual({ count: 2, meanMs: 11.5 * H, p90Ms: 15 * H });
    expect(row(rows, 'procurement')).toMatchObject({ nodesReworked: 1, reworkRate: 1 });
    const warehouse = row(rows, 'warehouse');
    expect(warehouse).toMatchObject({ nodesFinished: 0, onTimeRate: null, openLate: 1 });
    expect(warehouse.escalations).toEqual({ '1': 2, '2': 2, manual: 1 });
  });

  it('counts a node once for each of its owners, and groups by template', async () => {
    const people = (await kpis('person')).rows;
    expect(row(people, 'wangwu')).toMatchObject({ nodesFinished: 1, nodesOnTime: 1 });
    expect(row(people, 'zhangsan')).toMatchObject({ nodesFinished: 2, tasksClosed: 2 });
    expect(row(people, 'lisi')).toMatchObject({ nodesFinished: 2, nodesOnTime: 1 });
    const templates = (await kpis('template')).rows;
    expect(row(templates, 'procurement')).toMatchObject({
      nodesFinished: 4,
      nodesOnTime: 3,
      tasksClosed: 2,
      tasksOnPlan: 1,
      ratingCount: 2,
      ratingMean: 3,
    });
    expect(row(templates, '-')).toMatchObject({ nodesFinished: 1, tasksClosed: 1, openLate: 1 });
  });

  it('exports the same numbers as CSV', async () => {
    // Finance: wall 23 h and 30 h, working 8 h and 15 h.
    const names: Record<string, string> = { finance: '财务部' };
    const csv = kpisToCsv(await kpis('department'), (key) => names[key] ?? key);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual([
      '部门编号',
      '部门',
      '完成节点数',
      '按时完成节点数',
      '节点按时完成率',
    ]);
    expect(lines.find((l) => l.startsWith('finance,'))).toMatch(
      /^finance,财务部,2,1,50%,2,0,0%,26\.5,30,11\.5,15,2,1,50%,0,0,0%,,0,2,3$/,
    );
  });
});
