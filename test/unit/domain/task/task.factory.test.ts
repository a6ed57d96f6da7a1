import { describe, expect, it } from 'vitest';
import { createTask } from '../../../../src/domain/task/task.factory.js';
import { aNewTask, aNode, at, ctx, hours, statuses, T0, workHoursWithin } from '../builders.js';

const types = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('createTask (the create transition)', () => {
  it('starts the first group: deadline pinned, pings planned, owners told', () => {
    const { task, events, effects } = createTask(aNewTask(), ctx('zhengyi'));
    expect(task).toMatchObject({ status: 'open', version: 1, createdAt: T0, closedAt: null });
    expect(statuses(task)).toBe('n1:active n2:pending n3:pending n4:pending');
    expect(task.nodes[0]).toMatchObject({
      dueAt: at(hours(4)),
      deadlineVersion: 1,
      activatedAt: T0,
      pausedTotalMs: 0,
      reworkCount: 0,
    });
    expect(task.nodes.slice(1).map((n) => [n.dueAt, n.deadlineVersion])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
    expect(types(events)).toEqual(['task.created', 'node.activated']);
    expect(events[0]).toMatchObject({ actorId: 'zhengyi', nodeId: null });
    expect(effects).toEqual([
      { type: 'plan-node', nodeId: 'n1', deadlineVersion: 1 },
      { type: 'notify', audience: 'owners', reason: 'activated', nodeId: 'n1' },
      { type: 'refresh-card' },
    ]);
  });

  it.each([
    ['sequential', [false, false, false], [1, 2, 3], [1, 2, 3]],
    ['all parallel', [false, true, true], [1, 1, 1], [1, 2, 3]],
    ['a parallel pair in the middle', [false, false, true, false], [1, 2, 2, 3], [1, 2, 3, 4]],
    ['a first node marked parallel starts group 1', [true, false], [1, 2], [1, 2]],
  ])('numbers and groups nodes: %s', (_name, parallel, groups, seqs) => {
    const nodes = parallel.map((p, i) => aNode({ id: `x${i}`, parallel: p }));
    const { task } = createTask(aNewTask({ nodes }), ctx('zhengyi'));
    expect(task.nodes.map((n) => n.parallelGroup)).toEqual(groups);
    expect(task.nodes.map((n) => n.seq)).toEqual(seqs);
  });

  it('starts a parallel first group together and de-duplicates owners', () => {
    const { task } = createTask(
      aNewTask({
        nodes: [
          aNode({ id: 'a', owners: ['zhangsan', 'zhangsan', 'lisi'] }),
          aNode({ id: 'b', parallel: true }),
        ],
      }),
      ctx('zhengyi'),
    );
    expect(statuses(task)).toBe('a:active b:active');
    expect(task.nodes[0]?.owners.map((o) => o.personId)).toEqual(['zhangsan', 'lisi']);
  });

  it('pins a working-time deadline through the calendar', () => {
    // Monday 10:00 + 10 working hours = Tuesday 11:00.
    const { task } = createTask(
      aNewTask({ nodes: [aNode({ id: 'a', deadline: workHoursWithin(10) })] }),
      ctx('zhengyi'),
    );
    expect(task.nodes[0]?.dueAt).toEqual(new Date('2026-11-24T03:00:00Z'));
  });

  it.each([
    ['no nodes', aNewTask({ nodes: [] }), /任务至少要有一个节点/],
    [
      'a node without owner',
      aNewTask({ nodes: [aNode({ id: 'a' }), aNode({ id: 'b', owners: [] })] }),
      /节点 #12\.2 还没有负责人/,
    ],
  ])('refuses %s', (_name, input, message) => {
    expect(() => createTask(input, ctx('zhengyi'))).toThrow(message);
  });

  it('refuses an event-relative deadline on a task without an event date', () => {
    const input = aNewTask({
      nodes: [
        aNode({
          id: 'a',
          deadline: {
            kind: 'event-relative',
            offsetDays: -1,
            minuteOfDay: null,
            text: '活动前1天',
          },
        }),
      ],
    });
    expect(() => createTask(input, ctx('zhengyi'))).toThrow(/没有活动日期/);
  });
});
