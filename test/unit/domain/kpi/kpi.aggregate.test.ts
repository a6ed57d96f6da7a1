import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../src/domain/calendar/business-calendar.js';
import {
  aggregateKpis,
  groupKeys,
  respondedOnTime,
  workingResolveMs,
} from '../../../../src/domain/kpi/kpi.aggregate.js';
import type { FinishedNodeFact, KpiFacts } from '../../../../src/domain/kpi/kpi.types.js';

const H = 3_600_000;
const calendar = createBusinessCalendar({
  timezone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: 'none',
  extraHolidays: [],
  extraWorkdays: [],
  officialSchedules: [],
});
const at = (local: string) => new Date(`2026-11-${local}:00+08:00`);

const node = (overrides: Partial<FinishedNodeFact> = {}): FinishedNodeFact => ({
  nodeId: 'n',
  departmentIds: ['logistics'],
  personIds: ['zhangsan'],
  templateKey: null,
  dueAt: at('16T18:00'),
  firstActivatedAt: at('16T10:00'),
  activatedAt: at('16T10:00'),
  acknowledgedAt: null,
  completedAt: at('16T12:00'),
  responseLimit: null,
  pausedTotalMs: 0,
  pauses: [],
  ...overrides,
});
const empty: KpiFacts = {
  finishedNodes: [],
  closedTasks: [],
  escalations: [],
  reworks: [],
  openLate: [],
  ratings: [],
};

describe('aggregateKpis', () => {
  it('gives one row of nulls for an empty period', () => {
    const [all] = aggregateKpis(empty, null, calendar);
    expect(all).toMatchObject({ key: 'all', nodesFinished: 0, onTimeRate: null, ratingMean: null });
    expect(aggregateKpis(empty, 'department', calendar)).toEqual([]);
  });

  it('counts rework when a node is sent back, before it is done again', () => {
    const rework = (nodeId: string, departmentIds = ['logistics']) => ({
      nodeId,
      departmentIds,
      personIds: ['zhangsan'],
      templateKey: null,
    });
    const cases: [
      string,
      KpiFacts,
      { nodesReworked: number; reworks: number; rate: number | null },
    ][] = [
      [
        'sent back twice, still open',
        { ...empty, reworks: [rework('a'), rework('a')] },
        { nodesReworked: 1, reworks: 2, rate: 1 },
      ],
      [
        'sent back, then done',
        { ...empty, finishedNodes: [node({ nodeId: 'a' })], reworks: [rework('a')] },
        { nodesReworked: 1, reworks: 1, rate: 1 },
      ],
      [
        'one of four worked on',
        {
          ...empty,
          finishedNodes: ['a', 'b', 'c'].map((nodeId) => node({ nodeId })),
          reworks: [rework('d')],
        },
        { nodesReworked: 1, reworks: 1, rate: 0.25 },
      ],
      ['none', { ...empty, finishedNodes: [node()] }, { nodesReworked: 0, reworks: 0, rate: 0 }],
      ['nothing worked on', empty, { nodesReworked: 0, reworks: 0, rate: null }],
    ];
    for (const [what, facts, expected] of cases) {
      const [all] = aggregateKpis(facts, null, calendar);
      expect(
        { nodesReworked: all?.nodesReworked, reworks: all?.reworks, rate: all?.reworkRate },
        what,
      ).toEqual(expected);
    }
    const byDepartment = aggregateKpis(
      { ...empty, reworks: [rework('a', ['finance'])] },
      'department',
      calendar,
    );
    expect(byDepartment.map((r) => [r.key, r.nodesReworked])).toEqual([['finance', 1]]);
  });

  it('counts a fact once under each of its owners, and under "-" without a group', () => {
    expect(groupKeys(node({ personIds: ['a', 'b', 'a'] }), 'person')).toEqual(['a', 'b']);
    expect(groupKeys(node({ departmentIds: [] }), 'department')).toEqual(['-']);
    expect(groupKeys(node(), 'template')).toEqual(['-']);
  });

  it('measures the first response from the latest activation, in the limit’s own unit', () => {
    const limit = { unit: 'workhours', hours: 2 } as const;
    // Activated 17:00 Monday: two working hours end 10:00 Tuesday.
    const late = node({ activatedAt: at('16T17:00'), responseLimit: limit });
    expect(respondedOnTime({ ...late, acknowledgedAt: at('17T09:59') }, calendar)).toBe(true);
    expect(respondedOnTime({ ...late, acknowledgedAt: at('17T10:01') }, calendar)).toBe(false);
    // No acknowledgement: the decision is the first response.
    expect(respondedOnTime({ ...late, completedAt: at('17T11:00') }, calendar)).toBe(false);
  });

  it('leaves paused working time out of the working time to resolve', () => {
    const paused = node({
      firstActivatedAt: at('16T09:00'),
      completedAt: at('17T12:00'),
      pauses: [{ from: at('16T17:00'), to: at('17T10:00') }],
    });
    // 9 h Monday + 3 h Tuesday, less 1 h Monday and 1 h Tuesday paused.
    expect(workingResolveMs(paused, calendar)).toBe(10 * H);
  });
});
