import { describe, expect, it } from 'vitest';
import {
  belongsToCurrentPlan,
  pingIdTarget,
} from '../../../../src/domain/escalation/ping-plan.policy.js';

describe('pingIdTarget: the node and deadline version a ping id names', () => {
  it.each([
    ['remind-nod_3f9c-v2-1', { nodeId: 'nod_3f9c', deadlineVersion: 2 }],
    ['escalate-nod_3f9c-v0-3', { nodeId: 'nod_3f9c', deadlineVersion: 0 }],
    ['response-check-nod_a-b-v11-0', { nodeId: 'nod_a-b', deadlineVersion: 11 }],
    ['escalate-nod-v1-v3-2', { nodeId: 'nod-v1', deadlineVersion: 3 }],
  ])('%s', (id, target) => expect(pingIdTarget(id)).toEqual(target));

  it.each([
    'recover-12-a1',
    'remind-nod_a',
    'remind--v1-0',
    'nudge-nod_a-v1-0',
    'remind-nod_a-vx-0',
    '',
  ])('%s is no ping id', (id) => expect(pingIdTarget(id)).toBeNull());
});

describe('belongsToCurrentPlan: which scheduled pings a re-plan keeps', () => {
  const versions = new Map([
    ['nod_a', 2],
    ['nod_b', 0],
  ]);
  const current = (nodeId: string) => versions.get(nodeId);
  it.each([
    ['remind-nod_a-v2-0', true],
    ['escalate-nod_a-v2-1', true],
    ['remind-nod_a-v1-0', false],
    ['remind-nod_a-v3-0', false],
    ['escalate-nod_b-v0-1', true],
    ['remind-nod_gone-v2-0', false],
    ['recover-12-a1', false],
  ])('%s → %s', (id, kept) => expect(belongsToCurrentPlan(id, current)).toBe(kept));
});
