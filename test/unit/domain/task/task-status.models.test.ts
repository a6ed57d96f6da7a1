import { describe, expect, it } from 'vitest';
import type { NodeStatus, TaskNode, TaskStatus } from '../../../../src/domain/task/task.types.js';
import {
  isNodeActionable,
  isNodeFinished,
  isNodeLate,
  isNodeOpen,
  isTaskOpen,
  isTaskTerminal,
  nodeRef,
} from '../../../../src/domain/task/task-status.models.js';
import { aTask, at, hours } from '../builders.js';

describe('task status predicates', () => {
  it.each<[TaskStatus, boolean]>([
    ['open', false],
    ['done', true],
    ['cancelled', true],
    ['rejected', true],
  ])('%s: terminal %s', (status, terminal) => {
    expect(isTaskTerminal(status)).toBe(terminal);
    expect(isTaskOpen({ status })).toBe(!terminal);
  });
});

describe('node status predicates', () => {
  it.each<[NodeStatus, boolean, boolean, boolean]>([
    // status, open, actionable, finished
    ['pending', false, false, false],
    ['active', true, true, false],
    ['paused', true, false, false],
    ['done', false, false, true],
    ['approved', false, false, true],
    ['rejected', false, false, false],
    ['cancelled', false, false, false],
    ['skipped', false, false, false],
  ])('%s: open %s, actionable %s, finished %s', (status, open, actionable, finished) => {
    expect([isNodeOpen(status), isNodeActionable(status), isNodeFinished(status)]).toEqual([
      open,
      actionable,
      finished,
    ]);
  });

  const n1 = aTask().nodes[0] as TaskNode; // due at T0 + 4 h
  it.each<[string, Partial<TaskNode>, number, boolean]>([
    ['before the deadline', {}, hours(3), false],
    ['at the deadline', {}, hours(4), false],
    ['after the deadline', {}, hours(5), true],
    ['paused after the deadline', { status: 'paused' }, hours(5), false],
    ['done after the deadline', { status: 'done' }, hours(5), false],
    ['without a deadline', { dueAt: null }, hours(5), false],
  ])('late %s: %s', (_name, over, now, late) => {
    expect(isNodeLate({ ...n1, ...over }, at(now))).toBe(late);
  });

  it('refers to a node as #task.seq', () => {
    expect(nodeRef({ number: 12 }, { seq: 2 })).toBe('#12.2');
  });
});
