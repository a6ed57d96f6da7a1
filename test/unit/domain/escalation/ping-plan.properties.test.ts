import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_REMINDER_GAP_MS,
  type PingPlanInput,
  planNodePings,
} from '../../../../src/domain/escalation/ping-plan.policy.js';
import type { EscalationLadder, ReminderOffset } from '../../../../src/domain/org/org.types.js';
import type { Duration } from '../../../../src/domain/shared/duration.types.js';
import { anActiveNode, calendar } from '../builders.js';

const MINUTE = 60_000;
const start = Date.parse('2026-01-01T00:00:00+08:00');
const end = Date.parse('2027-06-30T00:00:00+08:00');

const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 0, max: 72 * 60 }).map((m) => ({ unit: 'ms', ms: m * MINUTE }) as const),
  fc.integer({ min: 1, max: 40 }).map((h) => ({ unit: 'workhours', hours: h }) as const),
  fc.integer({ min: 1, max: 5 }).map((d) => ({ unit: 'workdays', days: d }) as const),
);
const offset: fc.Arbitrary<ReminderOffset> = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((p) => ({ kind: 'share', share: p / 100 }) as const),
  duration.map((d) => ({ kind: 'before', duration: d }) as const),
);
const ladder: fc.Arbitrary<EscalationLadder> = fc.record({
  remindBefore: fc.array(offset, { maxLength: 4 }),
  levels: fc.array(
    fc.record({
      after: duration,
      notify: fc.constantFrom(['owner'] as const, ['coordination'] as const),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** A node active for a random window anywhere in 2026 (holidays included), planned at some moment. */
const input: fc.Arbitrary<PingPlanInput> = fc
  .record({
    activatedAt: fc.integer({ min: start, max: end }),
    windowMinutes: fc.integer({ min: 1, max: 14 * 24 * 60 }),
    nowShare: fc.double({ min: 0, max: 1.5, noNaN: true }),
    version: fc.integer({ min: 1, max: 50 }),
    responseLimit: fc.option(duration),
    acknowledged: fc.boolean(),
    priority: fc.constantFrom('normal', 'urgent' as const),
    ladder,
  })
  .map((r) => {
    const activatedAt = new Date(r.activatedAt);
    const dueAt = new Date(r.activatedAt + r.windowMinutes * MINUTE);
    const node = anActiveNode(activatedAt, dueAt, {
      id: 'nod_x',
      deadlineVersion: r.version,
      responseLimit: r.responseLimit,
      acknowledgedAt: r.acknowledged ? activatedAt : null,
    });
    const now = new Date(r.activatedAt + r.nowShare * r.windowMinutes * MINUTE);
    return { task: { priority: r.priority }, node, ladder: r.ladder, calendar, now };
  });

describe('planNodePings properties', () => {
  it('pings are in time order, ids unique and BullMQ-safe, non-urgent ones at working moments', () => {
    fc.assert(
      fc.property(input, (plan) => {
        const pings = planNodePings(plan);
        const times = pings.map((p) => p.at.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(pings.map((p) => p.id)).size).toBe(pings.length);
        for (const p of pings) {
          expect(p.id).toMatch(/^(remind|escalate|response-check)-nod_x-v\d+-\d+$/);
          expect(p.id).toBe(`${p.kind}-nod_x-v${plan.node.deadlineVersion}-${p.step}`);
          if (plan.task.priority === 'normal') expect(calendar.isWorkingMoment(p.at)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reminders lie ahead of now, apart, and before every escalation; every level is planned', () => {
    fc.assert(
      fc.property(input, (plan) => {
        const pings = planNodePings(plan);
        const reminders = pings.filter((p) => p.kind === 'remind').map((p) => p.at.getTime());
        const escalations = pings.filter((p) => p.kind === 'escalate');
        const firstEscalation = Math.min(...escalations.map((p) => p.at.getTime()));
        for (const [i, at] of reminders.entries()) {
          expect(at).toBeGreaterThan(plan.now.getTime());
          expect(at).toBeLessThan(firstEscalation);
          if (i > 0)
            expect(at - (reminders[i - 1] ?? 0)).toBeGreaterThanOrEqual(MIN_REMINDER_GAP_MS);
        }
        expect(escalations.map((p) => p.level).sort((a, b) => a - b)).toEqual(
          plan.ladder.levels.map((_, i) => i + 1),
        );
        const expectCheck = plan.node.responseLimit !== null && plan.node.acknowledgedAt === null;
        expect(pings.filter((p) => p.kind === 'response-check').length).toBeLessThanOrEqual(
          expectCheck ? 1 : 0,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('re-planning later never invents a ping: its ids are a subset of the earlier plan', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 10 * 24 * 60 }), (plan, laterMinutes) => {
        const earlier = new Set(planNodePings(plan).map((p) => p.id));
        const later = planNodePings({
          ...plan,
          now: new Date(plan.now.getTime() + laterMinutes * MINUTE),
        });
        for (const p of later) expect(earlier.has(p.id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('urgent pings go exactly when due: reminders inside the window, level 1 at the deadline', () => {
    fc.assert(
      fc.property(input, (plan) => {
        const urgent = { ...plan, task: { priority: 'urgent' as const } };
        const pings = planNodePings(urgent);
        const dueAt = plan.node.dueAt?.getTime() ?? 0;
        for (const r of pings.filter((p) => p.kind === 'remind')) {
          expect(r.at.getTime()).toBeGreaterThan(plan.node.activatedAt?.getTime() ?? 0);
          expect(r.at.getTime()).toBeLessThan(dueAt);
        }
        const first = urgent.ladder.levels[0];
        const level1 = pings.find((p) => p.kind === 'escalate' && p.level === 1);
        expect(level1?.at).toEqual(first ? calendar.add(new Date(dueAt), first.after) : undefined);
      }),
      { numRuns: 300 },
    );
  });
});
