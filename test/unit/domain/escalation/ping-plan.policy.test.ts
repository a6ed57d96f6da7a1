import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ladderFor, planNodePings } from '../../../../src/domain/escalation/ping-plan.policy.js';
import type { EscalationLadder } from '../../../../src/domain/org/org.types.js';
import type { TaskNode } from '../../../../src/domain/task/task.types.js';
import { aTask, calendar, hours } from '../builders.js';

const ms = (h: number) => ({ unit: 'ms', ms: hours(h) }) as const;
const ladder: EscalationLadder = {
  remindBefore: [
    { kind: 'share', share: 0.5 },
    { kind: 'before', duration: ms(1) },
  ],
  levels: [
    { after: ms(0), notify: ['owner', 'liaison'] },
    { after: ms(24), notify: ['coordination'] },
    { after: ms(48), notify: ['leadership'] },
  ],
};
const urgentLadder: EscalationLadder = {
  remindBefore: [{ kind: 'before', duration: { unit: 'ms', ms: 600_000 } }],
  levels: [
    { after: ms(0), notify: ['owner', 'liaison', 'coordination'] },
    { after: ms(2), notify: ['leadership'] },
  ],
};
const org = { escalation: { normal: ladder, urgent: urgentLadder } };

/** Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

function activeNode(activatedAt: Date, dueAt: Date, over: Partial<TaskNode> = {}): TaskNode {
  const base = aTask().nodes[0] as TaskNode;
  return {
    ...base,
    id: 'nod_a',
    status: 'active',
    activatedAt,
    dueAt,
    deadlineVersion: 3,
    ...over,
  };
}

const plan = (
  node: TaskNode,
  priority: 'normal' | 'urgent' = 'normal',
  now = node.activatedAt as Date,
) =>
  planNodePings({
    task: { priority },
    node,
    ladder: ladderFor({ priority }, org),
    calendar,
    now,
  }).map((p) => [p.id, p.at.toISOString(), p.notify.join('+')]);

describe('planNodePings', () => {
  it('plans reminders, then each escalation level, within working hours', () => {
    // Monday 10:00 → Monday 16:00.
    expect(plan(activeNode(sh('2026-11-23T10:00:00'), sh('2026-11-23T16:00:00')))).toEqual([
      ['remind-nod_a-v3-r0', sh('2026-11-23T13:00:00').toISOString(), 'owner'],
      ['remind-nod_a-v3-r1', sh('2026-11-23T15:00:00').toISOString(), 'owner'],
      ['escalate-nod_a-v3-l1', sh('2026-11-23T16:00:00').toISOString(), 'owner+liaison'],
      ['escalate-nod_a-v3-l2', sh('2026-11-24T16:00:00').toISOString(), 'coordination'],
      ['escalate-nod_a-v3-l3', sh('2026-11-25T16:00:00').toISOString(), 'leadership'],
    ]);
  });

  it('moves non-urgent pings out of the night and the weekend', () => {
    // Friday 17:00 → Friday 21:00: reminders at 19:00 and 20:00 go to Monday 09:00.
    const rows = plan(activeNode(sh('2026-11-27T17:00:00'), sh('2026-11-27T21:00:00')));
    expect(rows.map((r) => r[1])).toEqual([
      sh('2026-11-30T09:00:00').toISOString(),
      sh('2026-11-30T09:00:00').toISOString(),
      sh('2026-11-30T09:00:00').toISOString(),
      sh('2026-11-30T09:00:00').toISOString(),
      sh('2026-11-30T09:00:00').toISOString(),
    ]);
  });

  it('skips holidays: an escalation due on National Day waits for the next working day', () => {
    const rows = plan(activeNode(sh('2026-09-30T10:00:00'), sh('2026-09-30T17:00:00')));
    expect(rows.find((r) => r[0] === 'escalate-nod_a-v3-l2')?.[1]).toBe(
      sh('2026-10-08T09:00:00').toISOString(),
    );
  });

  it('sends urgent pings when they are due, night or not', () => {
    expect(
      plan(activeNode(sh('2026-11-27T22:00:00'), sh('2026-11-27T23:00:00')), 'urgent'),
    ).toEqual([
      ['remind-nod_a-v3-r0', sh('2026-11-27T22:50:00').toISOString(), 'owner'],
      [
        'escalate-nod_a-v3-l1',
        sh('2026-11-27T23:00:00').toISOString(),
        'owner+liaison+coordination',
      ],
      ['escalate-nod_a-v3-l2', sh('2026-11-28T01:00:00').toISOString(), 'leadership'],
    ]);
  });

  it.each([
    ['a reminder already past', sh('2026-11-23T14:00:00'), ['remind-nod_a-v3-r1']],
    ['every reminder past', sh('2026-11-23T15:30:00'), []],
  ])('skips %s', (_name, now, reminders) => {
    const rows = plan(
      activeNode(sh('2026-11-23T10:00:00'), sh('2026-11-23T16:00:00')),
      'normal',
      now,
    );
    expect(rows.filter((r) => String(r[0]).startsWith('remind')).map((r) => r[0])).toEqual(
      reminders,
    );
  });

  it('merges reminders that fall within five minutes of each other', () => {
    // 2h window: 50% = 1h before = the same moment.
    const rows = plan(activeNode(sh('2026-11-23T10:00:00'), sh('2026-11-23T12:00:00')));
    expect(rows.filter((r) => String(r[0]).startsWith('remind'))).toHaveLength(1);
  });

  it('checks the first response against the SOP limit until acknowledged', () => {
    const node = activeNode(sh('2026-11-23T10:00:00'), sh('2026-11-24T10:00:00'), {
      responseLimit: ms(2),
    });
    expect(plan(node)).toContainEqual([
      'response-check-nod_a-v3-ack',
      sh('2026-11-23T12:00:00').toISOString(),
      'owner+liaison',
    ]);
    expect(
      plan({ ...node, acknowledgedAt: sh('2026-11-23T10:30:00') }).some((r) =>
        String(r[0]).startsWith('response'),
      ),
    ).toBe(false);
  });

  it.each(['pending', 'done', 'paused'] as const)('plans nothing for a %s node', (status) => {
    expect(
      plan(activeNode(sh('2026-11-23T10:00:00'), sh('2026-11-23T16:00:00'), { status })),
    ).toEqual([]);
  });

  it('pings are ordered, unique, BullMQ-safe, and non-urgent ones fall in working time', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2026-12-20T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 24 * 14 }),
        fc.constantFrom<'normal' | 'urgent'>('normal', 'urgent'),
        (activatedAt, windowHours, priority) => {
          const node = activeNode(
            activatedAt,
            new Date(activatedAt.getTime() + hours(windowHours)),
          );
          const pings = planNodePings({
            task: { priority },
            node,
            ladder: ladderFor({ priority }, org),
            calendar,
            now: activatedAt,
          });
          const times = pings.map((p) => p.at.getTime());
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(new Set(pings.map((p) => p.id)).size).toBe(pings.length);
          for (const p of pings) {
            expect(p.id).not.toMatch(/:|^\d+$/);
            if (priority === 'normal') expect(calendar.isWorkingMoment(p.at)).toBe(true);
          }
          // Re-planning later never invents an id: fired pings are never planned again.
          const later = new Date(activatedAt.getTime() + hours(windowHours) / 2);
          const replanned = planNodePings({
            task: { priority },
            node,
            ladder: ladderFor({ priority }, org),
            calendar,
            now: later,
          });
          const ids = new Set(pings.map((p) => p.id));
          for (const p of replanned) expect(ids.has(p.id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
