import { describe, expect, it } from 'vitest';
import type { PingKind, TaskAction } from '../../../../src/domain/task/task.effects.js';
import { applyTaskAction } from '../../../../src/domain/task/task.state-machine.js';
import type { Task } from '../../../../src/domain/task/task.types.js';
import { aTask, at, ctx, hours, nodeOf, run, within } from '../builders.js';

const ping = (
  kind: PingKind,
  over: Partial<Extract<TaskAction, { type: 'ping' }>> = {},
): Extract<TaskAction, { type: 'ping' }> => ({
  type: 'ping',
  nodeId: 'n1',
  deadlineVersion: 1,
  kind,
  level: kind === 'escalate' ? 1 : 0,
  notify: ['owner'],
  ...over,
});

describe('scheduled pings that still apply', () => {
  it.each<[PingKind, number, string, number]>([
    ['remind', 0, 'node.reminded', 0],
    ['response-check', 0, 'node.response_overdue', 0],
    ['escalate', 1, 'node.escalated', 1],
    ['escalate', 3, 'node.escalated', 3],
  ])('%s level %i records %s and asks for the ping', (kind, level, event, reached) => {
    const task = aTask();
    const {
      task: after,
      events,
      effects,
    } = applyTaskAction(
      task,
      ping(kind, { level, notify: ['owner', 'liaison'] }),
      ctx(null, at(hours(5))),
    );
    expect(events).toEqual([{ type: event, nodeId: 'n1', actorId: null, data: { level } }]);
    expect(effects).toEqual([
      { type: 'send-ping', nodeId: 'n1', kind, level, notify: ['owner', 'liaison'] },
      { type: 'refresh-card' },
    ]);
    expect(nodeOf(after, 'n1').escalationLevel).toBe(reached);
    expect(after.version).toBe(task.version + 1);
  });

  it('a lower escalation level after a higher one still goes out but keeps the higher level', () => {
    const high = run(aTask(), [[null, ping('escalate', { level: 2 })]]).task;
    const { task, events } = run(high, [[null, ping('escalate', { level: 1 })]]);
    expect(events).toHaveLength(1);
    expect(nodeOf(task, 'n1').escalationLevel).toBe(2);
  });
});

const closed = () => run(aTask(), [['zhengyi', { type: 'cancel', reason: null }]]).task;
const resumed = () =>
  run(aTask(), [
    ['zhangsan', { type: 'pause', nodeId: 'n1', reason: 'x' }],
    ['zhangsan', { type: 'resume', nodeId: 'n1' }, at(hours(1))],
  ]).task;
const extended = () =>
  run(aTask(), [
    ['zhangsan', { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: 'x' }],
    ['zhengyi', { type: 'decide-extension', approve: true }],
  ]).task;

describe('scheduled pings that no longer apply do nothing', () => {
  it.each<[string, () => Task, Extract<TaskAction, { type: 'ping' }>]>([
    ['an older deadline version', aTask, ping('remind', { deadlineVersion: 0 })],
    ['a newer deadline version', aTask, ping('escalate', { deadlineVersion: 2 })],
    ['a pending node', aTask, ping('remind', { nodeId: 'n2', deadlineVersion: 0 })],
    ['an unknown node', aTask, ping('escalate', { nodeId: 'nx' })],
    [
      'a finished node',
      () => run(aTask(), [['zhangsan', { type: 'complete', nodeId: 'n1', note: null }]]).task,
      ping('escalate'),
    ],
    [
      'a paused node',
      () => run(aTask(), [['zhangsan', { type: 'pause', nodeId: 'n1', reason: 'x' }]]).task,
      ping('escalate'),
    ],
    ['a node resumed since (its plan was renewed)', resumed, ping('escalate')],
    ['a node whose extension was approved since', extended, ping('escalate')],
    [
      'a response check after /收到',
      () => run(aTask(), [['zhangsan', { type: 'ack', nodeId: 'n1' }]]).task,
      ping('response-check'),
    ],
    ['a cancelled task', closed, ping('escalate')],
  ])('%s', (_name, from, action) => {
    const task = from();
    const result = applyTaskAction(task, action, ctx(null));
    expect(result.events).toEqual([]);
    expect(result.effects).toEqual([]);
    expect(result.task).toBe(task);
  });

  it('a reminder still goes out after /收到 (only the response check stops)', () => {
    const task = run(aTask(), [['zhangsan', { type: 'ack', nodeId: 'n1' }]]).task;
    expect(run(task, [[null, ping('remind')]]).events).toHaveLength(1);
  });
});
