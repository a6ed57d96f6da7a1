import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import type { TaskAction } from '../../../../src/domain/task/task.effects.js';
import { applyTaskAction } from '../../../../src/domain/task/task.state-machine.js';
import type { Task } from '../../../../src/domain/task/task.types.js';
import { isNodeOpen } from '../../../../src/domain/task/task-status.models.js';
import { aTask, at, ctx, hours, within } from '../builders.js';

const nodeIds = ['n1', 'n2', 'n3', 'n4'];
const actors = ['zhengyi', 'zhangsan', 'lisi', 'wangwu', 'qianqi', 'zhaoliu', 'outsider'];
const nodeId = fc.constantFrom(...nodeIds);
const action: fc.Arbitrary<TaskAction> = fc.oneof(
  nodeId.map((id) => ({ type: 'ack', nodeId: id }) as const),
  nodeId.map((id) => ({ type: 'complete', nodeId: id, note: null }) as const),
  nodeId.map((id) => ({ type: 'approve', nodeId: id, note: null }) as const),
  nodeId.map((id) => ({ type: 'reject', nodeId: id, reason: 'r' }) as const),
  nodeId.map((id) => ({ type: 'nudge', nodeId: id }) as const),
  fc
    .tuple(nodeId, fc.constantFrom(...actors))
    .map(([id, to]) => ({ type: 'transfer', nodeId: id, to, reason: 'r' }) as const),
  fc
    .tuple(nodeId, nodeId)
    .map(
      ([id, target]) =>
        ({ type: 'sendback', nodeId: id, targetNodeId: target, reason: 'r' }) as const,
    ),
  nodeId.map((id) => ({ type: 'pause', nodeId: id, reason: 'r' }) as const),
  nodeId.map((id) => ({ type: 'resume', nodeId: id }) as const),
  nodeId.map(
    (id) => ({ type: 'request-extension', nodeId: id, deadline: within(9), reason: 'r' }) as const,
  ),
  fc.boolean().map((approve) => ({ type: 'decide-extension', approve }) as const),
  fc.constant({ type: 'cancel', reason: null } as const),
  fc.tuple(nodeId, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(
    ([id, version, level]) =>
      ({
        type: 'ping',
        nodeId: id,
        deadlineVersion: version,
        kind: 'escalate',
        level,
        notify: ['owner'],
      }) as const,
  ),
);
const step = fc.tuple(fc.constantFrom(...actors), action);

function invariantsHold(before: Task, after: Task): void {
  const openGroups = new Set(
    after.nodes.filter((n) => isNodeOpen(n.status)).map((n) => n.parallelGroup),
  );
  expect(openGroups.size).toBeLessThanOrEqual(1);
  if (after.status !== 'open') expect(openGroups.size).toBe(0);
  if (before.status !== 'open') expect(after).toBe(before);
  after.nodes.forEach((n, i) => {
    expect(n.deadlineVersion).toBeGreaterThanOrEqual(before.nodes[i]?.deadlineVersion ?? 0);
    if (isNodeOpen(n.status)) expect(n.dueAt).not.toBeNull();
  });
}

describe('task state machine properties', () => {
  it('any sequence of actions keeps the invariants and refuses only with DomainError', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let task = aTask();
        steps.forEach(([actor, a], i) => {
          try {
            const next = applyTaskAction(
              task,
              a,
              ctx(a.type === 'ping' ? null : actor, at(hours(i))),
            );
            invariantsHold(task, next.task);
            task = next.task;
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});
