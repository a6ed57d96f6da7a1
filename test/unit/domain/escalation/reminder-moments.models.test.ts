import { describe, expect, it } from 'vitest';
import {
  reminderMoments,
  spacedApart,
} from '../../../../src/domain/escalation/reminder-moments.models.js';
import type { ReminderOffset } from '../../../../src/domain/org/org.types.js';
import { hours, sh } from '../builders.js';

const share = (s: number): ReminderOffset => ({ kind: 'share', share: s });
const beforeDue = (h: number): ReminderOffset => ({
  kind: 'before',
  duration: { unit: 'ms', ms: hours(h) },
});

describe('reminderMoments', () => {
  // Window: Monday 10:00 → 18:00 (8 h).
  const from = sh('2026-11-23T10:00');
  const to = sh('2026-11-23T18:00');
  it.each<[string, ReminderOffset[], [string, number][]]>([
    ['a share of the window', [share(0.25)], [['2026-11-23T12:00', 0]]],
    ['a span before the deadline', [beforeDue(1)], [['2026-11-23T17:00', 0]]],
    [
      'working days count as 24 h',
      [{ kind: 'before', duration: { unit: 'workdays', days: 1 } }],
      [],
    ],
    [
      'working hours count as clock hours',
      [{ kind: 'before', duration: { unit: 'workhours', hours: 3 } }],
      [['2026-11-23T15:00', 0]],
    ],
    [
      'steps keep their ladder index',
      [beforeDue(9), share(0.5), beforeDue(2)],
      [
        ['2026-11-23T14:00', 1],
        ['2026-11-23T16:00', 2],
      ],
    ],
    ['not at activation', [beforeDue(8)], []],
    ['not at the deadline', [beforeDue(0)], []],
    ['not before activation', [beforeDue(12)], []],
    ['none without offsets', [], []],
  ])('%s', (_name, offsets, expected) => {
    expect(reminderMoments(offsets, from, to).map((m) => [m.at, m.step])).toEqual(
      expected.map(([local, step]) => [sh(local), step]),
    );
  });
});

describe('spacedApart', () => {
  const item = (minutes: number) => ({ at: new Date(minutes * 60_000) });
  it.each<[string, number[], number[]]>([
    ['keeps items far enough apart', [0, 10, 20], [0, 10, 20]],
    ['drops the later of a close pair', [0, 3, 10], [0, 10]],
    ['measures from the last kept item', [0, 4, 6, 9], [0, 6]],
    ['exactly the gap is apart enough', [0, 5], [0, 5]],
    ['nothing in, nothing out', [], []],
  ])('%s', (_name, minutes, kept) => {
    expect(spacedApart(minutes.map(item), 5 * 60_000)).toEqual(kept.map(item));
  });
});
