import { describe, expect, it } from 'vitest';
import {
  type ConsoleScene,
  departmentsView,
  taskDetailView,
} from '../../../src/infra/http/routes/console-views.js';
import { anOrg, aTask, at, hours, run, T0 } from '../domain/builders.js';

const scene = (now: Date): ConsoleScene => ({
  org: anOrg(),
  now,
  publicUrl: 'http://baton.test',
  templateNames: new Map(),
});

/** #12 with its first node (due after 4 hours) done at 5 hours: late; #12.2 and #12.3 then run. */
const doneLate = () =>
  run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }, at(hours(5))]]).task;

describe('the task timeline', () => {
  it('draws each started node from activation to completion or now, late when past its deadline', () => {
    const view = taskDetailView(doneLate(), [], scene(at(hours(6))));
    const [n1, n2, n3, n4] = view.timeline;
    expect(n1).toMatchObject({ ref: '#12.1', start: T0, end: at(hours(5)), running: false });
    expect(n1?.late).toBe(true);
    expect(n2).toMatchObject({
      start: at(hours(5)),
      end: at(hours(6)),
      running: true,
      late: false,
    });
    expect(n3?.running).toBe(true);
    expect(n4).toMatchObject({ start: null, end: null, dueAt: null, late: false });
  });

  it('turns a running node late once now passes its deadline', () => {
    const view = taskDetailView(doneLate(), [], scene(at(hours(10))));
    expect(view.timeline[1]).toMatchObject({ running: true, late: true, end: at(hours(10)) });
    expect(view.task.late).toBe(true);
  });

  it('ends the bars of a cancelled task where it closed', () => {
    const cancelled = run(doneLate(), [
      ['zhengyi', { type: 'cancel', reason: '需求取消' }, at(hours(7))],
    ]).task;
    const view = taskDetailView(cancelled, [], scene(at(hours(30))));
    expect(view.timeline[1]).toMatchObject({ running: false, end: at(hours(7)), late: false });
    expect(view.card.title).toBe('#12 办公室空调维修');
  });

  it('names the actors and nodes of the event log', () => {
    const task = doneLate();
    const view = taskDetailView(
      task,
      [
        {
          id: 1,
          type: 'node.completed',
          nodeId: 'n1',
          actorId: 'zhangsan',
          source: 'sim',
          data: {},
          createdAt: at(hours(5)),
        },
        {
          id: 2,
          type: 'node.escalated',
          nodeId: 'n2',
          actorId: null,
          source: 'system',
          data: { level: 1 },
          createdAt: at(hours(9)),
        },
      ],
      scene(at(hours(10))),
    );
    expect(view.events.map((e) => [e.node, e.actor?.name ?? null])).toEqual([
      ['#12.1', '张三'],
      ['#12.2', null],
    ]);
  });
});

describe('who holds what', () => {
  it('lists the open nodes waiting on each person, by department', () => {
    const departments = departmentsView([doneLate()], scene(at(hours(10))));
    const holds = (dept: string, person: string) =>
      departments
        .find((d) => d.id === dept)
        ?.people.find((p) => p.id === person)
        ?.holds.map((h) => [h.ref, h.late]);
    expect(holds('finance', 'lisi')).toEqual([['#12.2', true]]);
    expect(holds('logistics', 'zhangsan')).toEqual([]);
    expect(holds('logistics', 'wangwu')).toEqual([['#12.3', true]]);
  });
});
