import { describe, expect, it } from 'vitest';
import type { CardContext } from '../../../../cards/card-context.js';
import { taskCard } from '../../../../cards/task-card.builder.js';
import { heldPingMoment } from '../../../../src/domain/escalation/held-ping.models.js';
import { aNode, aTask, calendar, NAMES, nodeOf, sh, within } from '../builders.js';

/** Created Monday 17:00 (working hours 09:00–18:00): 张三's node is due 21:00, after work. */
const evening = (priority: 'normal' | 'urgent' = 'normal') =>
  aTask({ priority, nodes: [aNode({ id: 'n1', deadline: within(4) })] });
const created = sh('2026-11-23T17:00');
const taskAt = (priority: 'normal' | 'urgent' = 'normal') => {
  const task = evening(priority);
  // aTask activates at T0 (10:00); move the window to 17:00 → 21:00.
  return {
    ...task,
    nodes: task.nodes.map((n) => ({ ...n, activatedAt: created, dueAt: sh('2026-11-23T21:00') })),
  };
};

describe('a ping held for working time', () => {
  it('waits until 09:00 when the deadline passed after work', () => {
    const task = taskAt();
    expect(
      heldPingMoment(task, nodeOf(task, 'n1'), null, calendar, sh('2026-11-23T22:00')),
    ).toEqual(sh('2026-11-24T09:00'));
  });

  it('is nothing in working time, for urgent tasks, or when the deadline is in working time', () => {
    const task = taskAt();
    const node = nodeOf(task, 'n1');
    expect(heldPingMoment(task, node, null, calendar, sh('2026-11-23T17:30'))).toBeNull();
    expect(
      heldPingMoment(taskAt('urgent'), node, null, calendar, sh('2026-11-23T22:00')),
    ).toBeNull();
    const later = { ...node, dueAt: sh('2026-11-24T10:00') };
    expect(heldPingMoment(task, later, null, calendar, sh('2026-11-23T22:00'))).toBeNull();
  });

  it('knows a reminder held overnight from the ladder, whose deadline is in working time', () => {
    const task = taskAt();
    const node = { ...nodeOf(task, 'n1'), dueAt: sh('2026-11-24T11:00') };
    const ladder = {
      remindBefore: [{ kind: 'share' as const, share: 0.5 }],
      levels: [{ after: { unit: 'ms' as const, ms: 0 }, notify: ['owner' as const] }],
    };
    const night = sh('2026-11-23T22:00');
    expect(heldPingMoment(task, node, ladder, calendar, night)).toEqual(sh('2026-11-24T09:00'));
    // Without the ladder only the deadline is known, and it is in working time.
    expect(heldPingMoment(task, node, null, calendar, night)).toBeNull();
    const none = { ...ladder, remindBefore: [] };
    expect(heldPingMoment(task, node, none, calendar, night)).toBeNull();
  });

  it('is said on the card with the real time', () => {
    const ctx: CardContext = {
      now: sh('2026-11-23T22:00'),
      calendar,
      nameOf: (id) => NAMES[id] ?? id,
      publicUrl: 'http://baton.test',
      departmentOf: () => null,
    };
    expect(taskCard(taskAt(), ctx).note).toBe('#12.1 非工作时间，将于 明天 09:00 提醒');
  });
});
