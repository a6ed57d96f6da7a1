import { describe, expect, it } from 'vitest';
import type { CardContext } from '../../../cards/card-context.js';
import { myNodeLine } from '../../../cards/my-nodes.text.js';
import { stepOf } from '../../../cards/task-card.builder.js';
import type { DeadlineSpec } from '../../../src/domain/deadline/deadline.types.js';
import {
  aNode,
  aTask,
  at,
  calendar,
  hours,
  NAMES,
  nodeOf,
  T0,
  workHoursWithin,
} from '../domain/builders.js';

const ctx = (now: Date): CardContext => ({
  now,
  calendar,
  nameOf: (id) => NAMES[id] ?? id,
  publicUrl: 'http://baton.test',
  departmentOf: () => null,
});
const oneWorkingDay: DeadlineSpec = {
  kind: 'after-activation',
  duration: { unit: 'workdays', days: 1 },
  text: '1个工作日内',
};

describe('/我的 lines and the card agree', () => {
  // Created Monday 10:00: n1 (1个工作日内) runs, n2 (2个工作小时) waits for it.
  const task = aTask({
    nodes: [
      aNode({ id: 'n1', title: '报修', deadline: oneWorkingDay }),
      aNode({ id: 'n2', title: '验收', deadline: workHoursWithin(2) }),
    ],
  });

  it('1个工作日内 typed on Monday 10:00 is due at the same time the next working day', () => {
    expect(stepOf(task, nodeOf(task, 'n1'), ctx(T0)).deadline).toBe('明天 10:00');
    expect(myNodeLine(task, nodeOf(task, 'n1'), ctx(T0))).toBe(
      '#12.1 报修 · 截止 明天 10:00 · 待处理',
    );
  });

  it('a node not started yet counts from its start, on the card and in /我的', () => {
    expect(stepOf(task, nodeOf(task, 'n2'), ctx(T0)).deadline).toBe('开始后 2个工作小时');
    expect(myNodeLine(task, nodeOf(task, 'n2'), ctx(T0))).toBe(
      '#12.2 验收 · 截止 开始后 2个工作小时 · 等待中',
    );
  });

  it('flags a late node with how late it is', () => {
    expect(myNodeLine(task, nodeOf(task, 'n1'), ctx(at(hours(24 + 2))))).toBe(
      '🔴 #12.1 报修 · 截止 今天 10:00 · 已超时 2小时',
    );
  });
});
