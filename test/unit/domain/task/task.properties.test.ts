import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import type { TaskAction, TransitionResult } from '../../../../src/domain/task/task.effects.js';
import { applyTaskAction } from '../../../../src/domain/task/task.state-machine.js';
import type { Task } from '../../../../src/domain/task/task.types.js';
import {
  isNodeFinished,
  isNodeOpen,
  isTaskTerminal,
} from '../../../../src/domain/task/task-status.models.js';
import { aNode, aTask, at, ctx, hours, within, workHoursWithin } from '../builders.js';

const people = ['zhengyi', 'zhangsan', 'lisi', 'wangwu', 'qianqi', 'zhaoliu', 'admin', 'outsider'];
const nodeIds = ['n1', 'n2', 'n3', 'n4', 'n5'];

/**
 * One step as choices, read against the task as it is then: mostly an open node and one of its
 * owners (so the baton really moves), sometimes anyone and any node (so refusals are covered).
 */
const step = fc.record({
  kind: fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom('decide' as const) },
    { weight: 4, arbitrary: fc.constantFrom('reject' as const) },
    { weight: 3, arbitrary: fc.constantFrom('resume' as const) },
    {
      weight: 20,
      arbitrary: fc.constantFrom(
        'ack' as const,
        'nudge' as const,
        'transfer' as const,
        'sendback' as const,
        'add-approver' as const,
        'add-followers' as const,
        'pause' as const,
        'resume' as const,
        'request-extension' as const,
        'decide-extension' as const,
        'escalate' as const,
        'ping' as const,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('cancel' as const) },
  ),
  pick: fc.nat(),
  other: fc.nat(),
  who: fc.constantFrom('owner', 'owner', 'owner', 'creator', 'coordinator', 'anyone'),
  flag: fc.boolean(),
  level: fc.integer({ min: 0, max: 3 }),
  versionDelta: fc.integer({ min: -1, max: 1 }),
  hours: fc.integer({ min: 1, max: 30 }),
  minutes: fc.integer({ min: 0, max: 600 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const at_ = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function interpret(task: Task, s: Step): { actor: string | null; action: TaskAction } {
  const open = task.nodes.filter((n) => isNodeOpen(n.status));
  const paused = open.filter((n) => n.status === 'paused');
  const candidates = s.kind === 'resume' && paused.length > 0 ? paused : open;
  const node =
    s.who === 'anyone' || candidates.length === 0
      ? at_(task.nodes, s.pick)
      : at_(candidates, s.pick);
  const waiting = node.owners.filter((o) => o.decision === null);
  const owners = (waiting.length > 0 ? waiting : node.owners).map((o) => o.personId);
  const actor = {
    owner: at_(owners, s.other),
    creator: task.creatorId,
    coordinator: s.flag ? 'zhaoliu' : 'admin',
    anyone: at_(people, s.other),
  }[s.who] as string;
  const nodeId = node.id;
  const other = at_(nodeIds, s.other);
  const someone = at_(people, s.other + 1);
  const actions: Record<Step['kind'], TaskAction> = {
    decide:
      node.kind === 'approval'
        ? { type: 'approve', nodeId, note: s.flag ? '同意' : null }
        : { type: 'complete', nodeId, note: s.flag ? '已处理' : null },
    reject: { type: 'reject', nodeId, reason: 'r' },
    ack: { type: 'ack', nodeId },
    nudge: { type: 'nudge', nodeId },
    transfer: { type: 'transfer', nodeId, to: someone, reason: 'r' },
    sendback: { type: 'sendback', nodeId, targetNodeId: other, reason: 'r' },
    'add-approver': { type: 'add-approver', nodeId, personId: someone },
    'add-followers': { type: 'add-followers', people: [someone], note: null },
    pause: { type: 'pause', nodeId, reason: 'r' },
    resume: { type: 'resume', nodeId },
    'request-extension': {
      type: 'request-extension',
      nodeId,
      deadline: within(s.hours),
      reason: 'r',
    },
    'decide-extension': { type: 'decide-extension', approve: s.level % 2 === 0 },
    escalate: { type: 'escalate', nodeId: s.flag ? nodeId : null, reason: 'r' },
    cancel: { type: 'cancel', reason: null },
    ping: {
      type: 'ping',
      nodeId,
      deadlineVersion: node.deadlineVersion + s.versionDelta,
      kind: at_(['remind', 'escalate', 'response-check'] as const, s.other),
      level: s.level,
      notify: ['owner'],
    },
  };
  const manager = s.kind === 'decide-extension' && s.who !== 'anyone';
  const person = manager ? (s.flag ? task.creatorId : 'zhaoliu') : actor;
  return { actor: s.kind === 'ping' ? null : person, action: actions[s.kind] };
}

/** n1 → n2 (approval, 会签 李四+王五) ∥ n3 (或签 王五/钱七, working hours) → n4 (approval) → n5. */
const start = (onReject: 'sendback' | 'close') =>
  aTask({
    onReject,
    nodes: [
      aNode({ id: 'n1', owners: ['zhangsan'] }),
      aNode({ id: 'n2', owners: ['lisi', 'wangwu'], kind: 'approval' }),
      aNode({
        id: 'n3',
        owners: ['wangwu', 'qianqi'],
        signMode: 'any',
        parallel: true,
        deadline: workHoursWithin(6),
      }),
      aNode({ id: 'n4', owners: ['qianqi'], kind: 'approval' }),
      aNode({ id: 'n5', owners: ['lisi'] }),
    ],
  });

function checkInvariants(before: Task, result: TransitionResult): void {
  const after = result.task;
  if (isTaskTerminal(before.status)) expect(after).toBe(before);
  expect(after.version).toBe(before.version + (result.events.length > 0 ? 1 : 0));
  const open = after.nodes.filter((n) => isNodeOpen(n.status));
  if (after.status === 'open') {
    expect(open.length).toBeGreaterThan(0);
    const group = open[0]?.parallelGroup ?? 0;
    for (const n of after.nodes) {
      if (n.parallelGroup < group) expect(isNodeFinished(n.status)).toBe(true);
      if (n.parallelGroup > group) expect(n.status).toBe('pending');
    }
  } else {
    expect(open).toEqual([]);
    expect(after.nodes.filter((n) => n.status === 'pending')).toEqual([]);
    expect(after.closedAt).not.toBeNull();
    expect(after.pendingExtension).toBeNull();
  }
  after.nodes.forEach((n, i) => {
    const old = before.nodes[i];
    expect(n.deadlineVersion).toBeGreaterThanOrEqual(old?.deadlineVersion ?? 0);
    expect(n.pausedTotalMs).toBeGreaterThanOrEqual(old?.pausedTotalMs ?? 0);
    expect(n.pausedAt !== null).toBe(n.status === 'paused');
    if (isNodeOpen(n.status)) expect(n.dueAt && n.activatedAt).toBeTruthy();
  });
  const extension = after.pendingExtension;
  if (extension)
    expect(
      isNodeOpen(after.nodes.find((n) => n.id === extension.nodeId)?.status ?? 'pending'),
    ).toBe(true);
  for (const effect of result.effects) {
    if (effect.type !== 'plan-node') continue;
    const planned = after.nodes.find((n) => n.id === effect.nodeId);
    expect(planned?.status).toBe('active');
    expect(effect.deadlineVersion).toBe(planned?.deadlineVersion);
  }
}

describe('task state machine properties', () => {
  it('any sequence of actions keeps the invariants and refuses only with DomainError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sendback', 'close' as const),
        fc.array(step, { maxLength: 60, size: 'max' }),
        (onReject, steps) => {
          let task = start(onReject);
          let elapsed = 0;
          for (const s of steps) {
            elapsed += s.minutes * 60_000;
            const { actor, action } = interpret(task, s);
            try {
              const result = applyTaskAction(task, action, ctx(actor, at(elapsed)));
              checkInvariants(task, result);
              task = result.task;
            } catch (err) {
              if (!(err instanceof DomainError)) throw err;
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('coordinators completing everything in order always finish the task', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: hours(48) }), (offset) => {
        let task = start('sendback');
        for (let guard = 0; task.status === 'open' && guard < 10; guard++) {
          for (const n of task.nodes.filter((x) => x.status === 'active')) {
            const type = n.kind === 'approval' ? 'approve' : 'complete';
            task = applyTaskAction(
              task,
              { type, nodeId: n.id, note: null },
              ctx('zhaoliu', at(offset)),
            ).task;
          }
        }
        expect(task.status).toBe('done');
        expect(task.nodes.every((n) => isNodeFinished(n.status))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
