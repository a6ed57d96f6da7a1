import { describe, expect, it } from 'vitest';
import type { DeadlineSpec } from '../../../../src/domain/deadline/deadline.types.js';
import { parseEventDate } from '../../../../src/domain/deadline/event-date.parser.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { createTask } from '../../../../src/domain/task/task.factory.js';
import { aNewTask, aNode, calendar, ctx, sh, T0 } from '../builders.js';

const daysBefore = (
  days: number,
  text = `活动前${days}天`,
): Extract<DeadlineSpec, { kind: 'event-relative' }> => ({
  kind: 'event-relative',
  offsetDays: -days,
  minuteOfDay: null,
  text,
});

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

// T0 is Monday 2026-11-23 10:00 in Shanghai.
describe('an event-relative deadline already past is refused like a past absolute one', () => {
  it('活动前3天 for an event tomorrow names the node, the deadline and the event day', () => {
    const task = aNewTask({
      eventDate: '2026-11-24',
      nodes: [aNode({ id: 'n1', title: '场地布置', deadline: daysBefore(3) })],
    });
    const error = refusal(() => createTask(task, ctx('zhengyi')));
    expect(error.code).toBe('deadline.event_in_past');
    expect(error.userMessage).toBe(
      '按活动日期 明天 算，这些节点的截止时间已经过去了：场地布置（活动前3天 → 11月20日(周五) 18:00）。请把活动日期改晚，或给这些节点写一个将来的截止时间。',
    );
  });

  it('lists every passed node, and leaves the ones still ahead out', () => {
    const task = aNewTask({
      eventDate: '2026-11-27',
      nodes: [
        aNode({ id: 'n1', title: '报批', deadline: daysBefore(7) }),
        aNode({ id: 'n2', title: '物资', deadline: daysBefore(5) }),
        aNode({ id: 'n3', title: '彩排', deadline: daysBefore(3) }),
      ],
    });
    const { userMessage } = refusal(() => createTask(task, ctx('zhengyi')));
    expect(userMessage).toContain(
      '报批（活动前7天 → 11月20日(周五) 18:00）、物资（活动前5天 → 11月20日(周五) 18:00）',
    );
    expect(userMessage).not.toContain('彩排');
  });

  it('refuses today’s deadline once its hour has passed, accepts it before', () => {
    const task = aNewTask({
      eventDate: '2026-11-23',
      nodes: [aNode({ id: 'n1', title: '签到', deadline: daysBefore(0, '活动当天') })],
    });
    expect(createTask(task, ctx('zhengyi')).task.nodes).toHaveLength(1);
    expect(refusal(() => createTask(task, ctx('zhengyi', sh('2026-11-23T18:30')))).code).toBe(
      'deadline.event_in_past',
    );
  });

  it('accepts deadlines after the event and tasks without an event date', () => {
    const after = aNewTask({
      eventDate: '2026-11-23',
      nodes: [
        aNode({ id: 'n1', deadline: { ...daysBefore(0), offsetDays: 1, text: '活动后1天' } }),
      ],
    });
    expect(createTask(after, ctx('zhengyi')).task.status).toBe('open');
    expect(createTask(aNewTask({ eventDate: null }), ctx('zhengyi')).task.status).toBe('open');
  });
});

describe('parseEventDate: the event day, refused as an event day', () => {
  const context = { now: T0, calendar };

  it.each([
    ['2026-12-18', '2026-12-18'],
    ['12月18日', '2026-12-18'],
    ['今天', '2026-11-23'],
    ['下周五', '2026-12-04'],
    ['2027/1/4', '2027-01-04'],
  ])('%s → %s', (text, expected) => {
    expect(parseEventDate(text, context)).toBe(expected);
  });

  it('accepts today even after the end of business hours', () => {
    expect(parseEventDate('2026-11-23', { now: sh('2026-11-23T20:00'), calendar })).toBe(
      '2026-11-23',
    );
  });

  it('a past date is the event day, not a deadline', () => {
    const error = refusal(() => parseEventDate('2026-10-11', context, '晚会日期'));
    expect(error.code).toBe('event_date.in_past');
    expect(error.userMessage).toBe(
      '晚会日期「2026-10-11」是 10月11日(周日)，已经过去了。这是活动举行的日期，请填今天或以后的日期。',
    );
    expect(error.userMessage).not.toContain('截止时间');
  });

  it.each(['下周吧', '3天内', '活动前3天', ''])('%s is no date', (text) => {
    expect(refusal(() => parseEventDate(text, context)).code).toBe('event_date.unreadable');
  });
});
