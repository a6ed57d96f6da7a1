import { describe, expect, it } from 'vitest';
import { timelineAxisOf, timelineOf } from '../../../src/infra/http/routes/console-timeline.js';
import { aTask, at, calendar, hours, run, sh, T0 } from '../domain/builders.js';

const axisOf = (task: ReturnType<typeof aTask>, now: Date) =>
  timelineAxisOf(task, timelineOf(task, now), calendar, now);

describe('the timeline axis', () => {
  it('runs from when the task was created, with hour ticks on a short span and never seconds', () => {
    // Created Monday 10:00; #12.1 runs, due at 14:00; now is 12:00.
    const axis = axisOf(aTask(), at(hours(2)));
    expect(axis.from).toEqual(T0);
    expect(axis.to.getTime()).toBeGreaterThan(at(hours(4)).getTime());
    expect(axis.ticks.map((t) => t.label)).toEqual([
      '11/23 10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
    ]);
    expect(axis.ticks[1]?.at).toEqual(sh('2026-11-23T11:00'));
    expect(axis.offDays).toEqual([]);
    expect(axis.now).toEqual(at(hours(2)));
    expect(axis.eventDay).toBeNull();
  });

  it('ticks the days up to the event day, shades the weekend and marks the event day', () => {
    const task = aTask({ eventDate: '2026-12-04' });
    const axis = axisOf(task, at(hours(6)));
    expect(axis.from).toEqual(T0);
    // The event day is on the axis, whole.
    expect(axis.to.getTime()).toBeGreaterThanOrEqual(sh('2026-12-05T00:00').getTime());
    expect(axis.eventDay).toEqual({
      date: '2026-12-04',
      from: sh('2026-12-04T00:00'),
      to: sh('2026-12-05T00:00'),
      label: '活动日 12/04',
    });
    // Twelve days: a line at every local midnight, a label on every other one.
    expect(axis.ticks.map((t) => t.label)).toEqual([
      null,
      '11/25',
      null,
      '11/27',
      null,
      '11/29',
      null,
      '12/01',
      null,
      '12/03',
      null,
      '12/05',
    ]);
    expect(axis.ticks[0]?.at).toEqual(sh('2026-11-24T00:00'));
    // The weekend, and the start of the Saturday after the event in the margin.
    expect(axis.offDays.map((d) => d.date)).toEqual(['2026-11-28', '2026-11-29', '2026-12-05']);
    expect(axis.offDays[0]).toMatchObject({
      from: sh('2026-11-28T00:00'),
      to: sh('2026-11-29T00:00'),
    });
  });

  it('draws a task closed long ago over its own span, without a line at now', () => {
    const cancelled = run(aTask(), [
      ['zhengyi', { type: 'cancel', reason: '需求取消' }, at(hours(3))],
    ]).task;
    const axis = axisOf(cancelled, at(hours(500)));
    expect(axis.from).toEqual(T0);
    expect(axis.to.getTime()).toBeLessThan(at(hours(4)).getTime());
    expect(axis.now).toBeNull();
  });
});
