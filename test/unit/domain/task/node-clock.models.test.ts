import { describe, expect, it } from 'vitest';
import type { DeadlineSpec } from '../../../../src/domain/deadline/deadline.types.js';
import { dueAtAfterPause, pausedTotalAt } from '../../../../src/domain/task/node-clock.models.js';
import type { TaskNode } from '../../../../src/domain/task/task.types.js';
import { aTask, calendar, hours, sh } from '../builders.js';

function pausedNode(deadline: DeadlineSpec, dueAt: Date, pausedAt: Date | null): TaskNode {
  const base = aTask().nodes[0] as TaskNode;
  return { ...base, status: 'paused', deadline, dueAt, pausedAt, pausedTotalMs: hours(1) };
}

const wallClock: DeadlineSpec = {
  kind: 'after-activation',
  duration: { unit: 'ms', ms: hours(8) },
  text: '8小时内',
};
const workHours: DeadlineSpec = {
  kind: 'after-activation',
  duration: { unit: 'workhours', hours: 8 },
  text: '8个工作小时',
};
const workDays: DeadlineSpec = {
  kind: 'after-activation',
  duration: { unit: 'workdays', days: 3 },
  text: '3个工作日内',
};
const absolute: DeadlineSpec = { kind: 'absolute', at: sh('2026-11-26T18:00'), text: '周四18:00' };
const eventRelative: DeadlineSpec = {
  kind: 'event-relative',
  offsetDays: -3,
  minuteOfDay: null,
  text: '活动前3天',
};

describe('dueAtAfterPause', () => {
  it.each<[string, DeadlineSpec, string, string, string, string]>([
    // name, spec, due, paused at, resumed at, new due (all Shanghai time)
    [
      'wall-clock: by the wall-clock span',
      wallClock,
      '2026-11-24T18:00',
      '2026-11-23T17:00',
      '2026-11-24T09:00',
      '2026-11-25T10:00',
    ],
    [
      'fixed moment: by the wall-clock span',
      absolute,
      '2026-11-26T18:00',
      '2026-11-24T10:00',
      '2026-11-24T12:30',
      '2026-11-26T20:30',
    ],
    [
      'working hours: by the working time paused',
      workHours,
      '2026-11-24T11:00',
      '2026-11-23T17:00',
      '2026-11-24T10:00',
      '2026-11-24T13:00',
    ],
    [
      'working hours: a pause over the night alone moves nothing',
      workHours,
      '2026-11-24T11:00',
      '2026-11-23T18:30',
      '2026-11-24T08:30',
      '2026-11-24T11:00',
    ],
    [
      'working days: a pause over the weekend moves nothing',
      workDays,
      '2026-12-02T10:00',
      '2026-11-27T18:00',
      '2026-11-30T09:00',
      '2026-12-02T10:00',
    ],
    [
      'working days: two working hours paused, two later',
      workDays,
      '2026-11-26T10:00',
      '2026-11-23T10:00',
      '2026-11-23T12:00',
      '2026-11-26T12:00',
    ],
    [
      'working days: across a day end it carries to the next morning',
      workDays,
      '2026-11-26T17:00',
      '2026-11-23T15:00',
      '2026-11-23T17:00',
      '2026-11-27T10:00',
    ],
    [
      'event-relative: the event does not wait',
      eventRelative,
      '2026-12-17T18:00',
      '2026-12-01T10:00',
      '2026-12-03T10:00',
      '2026-12-17T18:00',
    ],
  ])('%s', (_name, spec, due, pausedAt, now, expected) => {
    const node = pausedNode(spec, sh(due), sh(pausedAt));
    expect(dueAtAfterPause(node, sh(now), calendar)).toEqual(sh(expected));
  });

  it('a node without a deadline stays without one', () => {
    const node = {
      ...pausedNode(wallClock, sh('2026-11-24T18:00'), sh('2026-11-23T17:00')),
      dueAt: null,
    };
    expect(dueAtAfterPause(node, sh('2026-11-24T09:00'), calendar)).toBeNull();
  });

  it('a node that is not paused keeps its deadline', () => {
    const node = pausedNode(wallClock, sh('2026-11-24T18:00'), null);
    expect(dueAtAfterPause(node, sh('2026-11-24T09:00'), calendar)).toEqual(sh('2026-11-24T18:00'));
  });
});

describe('pausedTotalAt', () => {
  it.each<[string, Date | null, string, number]>([
    ['adds the running pause', sh('2026-11-23T10:00'), '2026-11-23T12:30', hours(3.5)],
    ['keeps the total when not paused', null, '2026-11-23T12:30', hours(1)],
    ['never counts backwards', sh('2026-11-23T10:00'), '2026-11-23T09:00', hours(1)],
  ])('%s', (_name, pausedAt, now, total) => {
    const node = pausedNode(wallClock, sh('2026-11-24T18:00'), pausedAt);
    expect(pausedTotalAt(node, sh(now))).toBe(total);
  });
});
