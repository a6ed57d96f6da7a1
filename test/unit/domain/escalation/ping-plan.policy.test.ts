import { describe, expect, it } from 'vitest';
import {
  ladderFor,
  type PlannedPing,
  planNodePings,
} from '../../../../src/domain/escalation/ping-plan.policy.js';
import type { EscalationLadder } from '../../../../src/domain/org/org.types.js';
import type { Duration } from '../../../../src/domain/shared/duration.types.js';
import type { TaskNode } from '../../../../src/domain/task/task.types.js';
import {
  anActiveNode,
  anOrg,
  calendar,
  hours,
  NORMAL_LADDER,
  sh,
  URGENT_LADDER,
} from '../builders.js';

const activeNode = anActiveNode;

type Row = readonly [id: string, at: string, notify: string];

function plan(
  node: TaskNode,
  options: { priority?: 'normal' | 'urgent'; now?: Date; ladder?: EscalationLadder } = {},
): Row[] {
  const priority = options.priority ?? 'normal';
  return planNodePings({
    task: { priority },
    node,
    ladder: options.ladder ?? (priority === 'urgent' ? URGENT_LADDER : NORMAL_LADDER),
    calendar,
    now: options.now ?? (node.activatedAt as Date),
  }).map((p) => [p.id, p.at.toISOString(), p.notify.join('+')] as const);
}

const iso = (local: string) => sh(local).toISOString();
const ms = (h: number): Duration => ({ unit: 'ms', ms: hours(h) });

describe('planNodePings: when each ping goes out', () => {
  it.each<[string, TaskNode, 'normal' | 'urgent', Row[]]>([
    [
      'a working day: reminders at 50% and 1 h before, then the ladder',
      activeNode(sh('2026-11-23T10:00'), sh('2026-11-23T16:00')),
      'normal',
      [
        ['remind-nod_a-v3-0', iso('2026-11-23T13:00'), 'owner'],
        ['remind-nod_a-v3-1', iso('2026-11-23T15:00'), 'owner'],
        ['escalate-nod_a-v3-1', iso('2026-11-23T16:00'), 'owner+liaison'],
        ['escalate-nod_a-v3-2', iso('2026-11-24T16:00'), 'coordination'],
        ['escalate-nod_a-v3-3', iso('2026-11-25T16:00'), 'leadership'],
      ],
    ],
    [
      'due on a Friday night: reminders fall with the deadline into Monday 09:00 and are dropped; the ladder counts from Monday 09:00',
      activeNode(sh('2026-11-27T17:00'), sh('2026-11-27T21:00')),
      'normal',
      [
        ['escalate-nod_a-v3-1', iso('2026-11-30T09:00'), 'owner+liaison'],
        ['escalate-nod_a-v3-2', iso('2026-12-01T09:00'), 'coordination'],
        ['escalate-nod_a-v3-3', iso('2026-12-02T09:00'), 'leadership'],
      ],
    ],
    [
      'a reminder in the night moves to the next morning, before a deadline at 10:00',
      activeNode(sh('2026-11-23T16:00'), sh('2026-11-24T10:00')),
      'normal',
      [
        ['remind-nod_a-v3-0', iso('2026-11-24T09:00'), 'owner'],
        ['escalate-nod_a-v3-1', iso('2026-11-24T10:00'), 'owner+liaison'],
        ['escalate-nod_a-v3-2', iso('2026-11-25T10:00'), 'coordination'],
        ['escalate-nod_a-v3-3', iso('2026-11-26T10:00'), 'leadership'],
      ],
    ],
    [
      'National Day: steps that fall in the holiday wait for 8 October',
      activeNode(sh('2026-09-30T10:00'), sh('2026-09-30T17:00')),
      'normal',
      [
        ['remind-nod_a-v3-0', iso('2026-09-30T13:30'), 'owner'],
        ['remind-nod_a-v3-1', iso('2026-09-30T16:00'), 'owner'],
        ['escalate-nod_a-v3-1', iso('2026-09-30T17:00'), 'owner+liaison'],
        ['escalate-nod_a-v3-2', iso('2026-10-08T09:00'), 'coordination'],
        ['escalate-nod_a-v3-3', iso('2026-10-08T09:00'), 'leadership'],
      ],
    ],
    [
      'urgent: every ping goes when due, night or weekend',
      activeNode(sh('2026-11-27T22:00'), sh('2026-11-27T23:00')),
      'urgent',
      [
        ['remind-nod_a-v3-0', iso('2026-11-27T22:50'), 'owner'],
        ['escalate-nod_a-v3-1', iso('2026-11-27T23:00'), 'owner+liaison+coordination'],
        ['escalate-nod_a-v3-2', iso('2026-11-28T01:00'), 'leadership'],
      ],
    ],
    [
      'close reminders merge: 50% of 2 h and 1 h before are one reminder',
      activeNode(sh('2026-11-23T10:00'), sh('2026-11-23T12:00')),
      'normal',
      [
        ['remind-nod_a-v3-0', iso('2026-11-23T11:00'), 'owner'],
        ['escalate-nod_a-v3-1', iso('2026-11-23T12:00'), 'owner+liaison'],
        ['escalate-nod_a-v3-2', iso('2026-11-24T12:00'), 'coordination'],
        ['escalate-nod_a-v3-3', iso('2026-11-25T12:00'), 'leadership'],
      ],
    ],
    [
      'a window shorter than 1 h keeps only the share reminder',
      activeNode(sh('2026-11-23T10:00'), sh('2026-11-23T10:40')),
      'normal',
      [
        ['remind-nod_a-v3-0', iso('2026-11-23T10:20'), 'owner'],
        ['escalate-nod_a-v3-1', iso('2026-11-23T10:40'), 'owner+liaison'],
        ['escalate-nod_a-v3-2', iso('2026-11-24T10:40'), 'coordination'],
        ['escalate-nod_a-v3-3', iso('2026-11-25T10:40'), 'leadership'],
      ],
    ],
  ])('%s', (_name, node, priority, expected) => {
    expect(plan(node, { priority })).toEqual(expected);
  });
});

describe('planNodePings: reminders already past', () => {
  const node = activeNode(sh('2026-11-23T10:00'), sh('2026-11-23T16:00'));
  it.each([
    ['none past', '2026-11-23T10:00', ['remind-nod_a-v3-0', 'remind-nod_a-v3-1']],
    ['the first past', '2026-11-23T14:00', ['remind-nod_a-v3-1']],
    ['one exactly now', '2026-11-23T15:00', []],
    ['every reminder past', '2026-11-23T15:30', []],
  ])('%s', (_name, now, reminders) => {
    const rows = plan(node, { now: sh(now) });
    expect(rows.filter((r) => r[0].startsWith('remind')).map((r) => r[0])).toEqual(reminders);
    // Escalations are never dropped: one in the past goes out at once.
    expect(rows.filter((r) => r[0].startsWith('escalate'))).toHaveLength(3);
  });

  it('a reminder merged into an earlier one stays merged after the earlier one went out', () => {
    // 50% = 11:00 and "58 min before" = 11:02 merge; re-planned at 11:01 the second must not reappear.
    const ladder: EscalationLadder = {
      ...NORMAL_LADDER,
      remindBefore: [
        { kind: 'share', share: 0.5 },
        { kind: 'before', duration: { unit: 'ms', ms: 58 * 60_000 } },
      ],
    };
    const n = activeNode(sh('2026-11-23T10:00'), sh('2026-11-23T12:00'));
    const remindersAt = (now: string) =>
      plan(n, { ladder, now: sh(now) }).filter((r) => r[0].startsWith('remind'));
    expect(remindersAt('2026-11-23T10:00')).toEqual([
      ['remind-nod_a-v3-0', iso('2026-11-23T11:00'), 'owner'],
    ]);
    expect(remindersAt('2026-11-23T11:01')).toEqual([]);
  });
});

describe('planNodePings: the SOP response limit', () => {
  const window = (over: Partial<TaskNode>) =>
    activeNode(sh('2026-11-23T10:00'), sh('2026-11-25T10:00'), over);
  it.each<[string, Partial<TaskNode>, string | null]>([
    ['2 h after activation', { responseLimit: ms(2) }, '2026-11-23T12:00'],
    [
      '2 working hours from 17:00 = next day 10:00',
      { activatedAt: sh('2026-11-23T17:00'), responseLimit: { unit: 'workhours', hours: 2 } },
      '2026-11-24T10:00',
    ],
    [
      '2 wall-clock hours from 17:00 fall at night: next morning',
      { activatedAt: sh('2026-11-23T17:00'), responseLimit: ms(2) },
      '2026-11-24T09:00',
    ],
    [
      'none once acknowledged',
      { responseLimit: ms(2), acknowledgedAt: sh('2026-11-23T10:30') },
      null,
    ],
    ['none without a limit', { responseLimit: null }, null],
    ['none when the limit reaches the deadline', { responseLimit: ms(48) }, null],
  ])('%s', (_name, over, expected) => {
    const check = plan(window(over)).find((r) => r[0].startsWith('response-check'));
    expect(check ?? null).toEqual(
      expected === null ? null : ['response-check-nod_a-v3-0', iso(expected), 'owner+liaison'],
    );
  });
});

describe('planNodePings: ladders in working time', () => {
  it('levels written in working days skip the weekend', () => {
    const ladder: EscalationLadder = {
      remindBefore: [],
      levels: [
        { after: { unit: 'workdays', days: 1 }, notify: ['coordination'] },
        { after: { unit: 'workhours', hours: 4 }, notify: ['liaison'] },
      ],
    };
    // Due Friday 16:00: 4 working hours later is Monday 11:00; 1 working day is Monday 16:00.
    expect(plan(activeNode(sh('2026-11-27T10:00'), sh('2026-11-27T16:00')), { ladder })).toEqual([
      ['escalate-nod_a-v3-2', iso('2026-11-30T11:00'), 'liaison'],
      ['escalate-nod_a-v3-1', iso('2026-11-30T16:00'), 'coordination'],
    ]);
  });

  it('a reminder "2 working hours before" counts as 2 hours of the clock', () => {
    const ladder: EscalationLadder = {
      remindBefore: [{ kind: 'before', duration: { unit: 'workhours', hours: 2 } }],
      levels: [{ after: ms(0), notify: ['owner'] }],
    };
    expect(plan(activeNode(sh('2026-11-23T10:00'), sh('2026-11-24T10:00')), { ladder })[0]).toEqual(
      ['remind-nod_a-v3-0', iso('2026-11-24T09:00'), 'owner'],
    );
  });
});

describe('planNodePings: nothing to plan', () => {
  const due = sh('2026-11-23T16:00');
  it.each<[string, Partial<TaskNode>]>([
    ['a pending node', { status: 'pending' }],
    ['a paused node', { status: 'paused' }],
    ['a done node', { status: 'done' }],
    ['a cancelled node', { status: 'cancelled' }],
    ['a node without a deadline', { dueAt: null }],
    ['a node never activated', { activatedAt: null }],
  ])('%s', (_name, over) => {
    expect(plan(activeNode(sh('2026-11-23T10:00'), due, over))).toEqual([]);
  });

  it('refuses a node id that would break BullMQ job ids', () => {
    expect(() => plan(activeNode(sh('2026-11-23T10:00'), due, { id: 'nod:1' }))).toThrow(/":"/);
  });
});

describe('planNodePings: what each ping carries', () => {
  it('its node, deadline version, level and step', () => {
    const pings: PlannedPing[] = planNodePings({
      task: { priority: 'normal' },
      node: activeNode(sh('2026-11-23T10:00'), sh('2026-11-23T16:00'), { responseLimit: ms(1) }),
      ladder: NORMAL_LADDER,
      calendar,
      now: sh('2026-11-23T10:00'),
    });
    expect(pings.map((p) => [p.kind, p.level, p.step, p.nodeId, p.deadlineVersion])).toEqual([
      ['response-check', 0, 0, 'nod_a', 3],
      ['remind', 0, 0, 'nod_a', 3],
      ['remind', 0, 1, 'nod_a', 3],
      ['escalate', 1, 1, 'nod_a', 3],
      ['escalate', 2, 2, 'nod_a', 3],
      ['escalate', 3, 3, 'nod_a', 3],
    ]);
  });
});

describe('ladderFor', () => {
  const org = anOrg();
  const own: EscalationLadder = {
    remindBefore: [],
    levels: [{ after: ms(1), notify: ['requester'] }],
  };
  it.each<[string, 'normal' | 'urgent', EscalationLadder | null, EscalationLadder]>([
    ['normal task: the org normal ladder', 'normal', null, NORMAL_LADDER],
    ['urgent task: the org urgent ladder', 'urgent', null, URGENT_LADDER],
    ['a template ladder wins over the normal one', 'normal', own, own],
    ['a template ladder wins over the urgent one', 'urgent', own, own],
  ])('%s', (_name, priority, template, expected) => {
    expect(ladderFor({ priority }, org, template)).toBe(expected);
  });
});
