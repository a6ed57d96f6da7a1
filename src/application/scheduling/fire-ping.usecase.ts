import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { PlannedPing } from '../../domain/escalation/ping-plan.policy.js';
import type { Org } from '../../domain/org/org.types.js';
import { applyTaskAction } from '../../domain/task/task.state-machine.js';
import type { Task } from '../../domain/task/task.types.js';
import type { RunInTransaction } from '../../ports/unit-of-work.port.js';
import { cardContextOf, nameOf } from '../inbound/org-directory.js';
import { applyEffects } from '../tasks/effect-deliveries.js';

/** A ping that fires this long after its moment is marked late (nothing ran when it was due). */
export const LATE_AFTER_MS = 60_000;

export interface FirePingDeps {
  readonly runInTransaction: RunInTransaction;
  /** The organisation of the node's task; read before the transaction opens. */
  readonly orgOfNode: (nodeId: string) => Promise<Org | null>;
  /** What the ping id means under the task's current plan; null when it no longer applies. */
  readonly plannedPing: (task: Task, org: Org, pingId: string) => PlannedPing | null;
  readonly publicUrl: string;
  readonly now: () => Date;
}

export type FireOutcome = 'fired' | 'already-fired' | 'stale';

/**
 * Fires one scheduled ping, exactly once: the ping is claimed in Postgres in the same
 * transaction as its state change and messages, so a replayed job or a ping re-added by
 * reconciliation finds the claim and does nothing.
 */
export async function firePing(
  deps: FirePingDeps,
  job: { pingId: string; nodeId: string },
): Promise<FireOutcome> {
  const org = await deps.orgOfNode(job.nodeId);
  if (!org) return 'stale';
  return deps.runInTransaction(async (uow) => {
    const task = await uow.tasks.lockByNodeId(job.nodeId);
    if (!task) return 'stale';
    const ping = deps.plannedPing(task, org, job.pingId);
    if (!ping) return 'stale';
    const now = deps.now();
    const late = now.getTime() - ping.at.getTime() > LATE_AFTER_MS;
    const claimed = await uow.claimPing({
      id: ping.id,
      nodeId: ping.nodeId,
      kind: ping.kind,
      level: ping.level,
      dueAt: ping.at,
      late,
    });
    if (!claimed) return 'already-fired';
    const calendar = createBusinessCalendar(org.calendar);
    const result = applyTaskAction(
      task,
      {
        type: 'ping',
        nodeId: ping.nodeId,
        deadlineVersion: ping.deadlineVersion,
        kind: ping.kind,
        level: ping.level,
        notify: ping.notify,
      },
      { now, actor: null, calendar, nameOf: nameOf(org) },
    );
    if (result.events.length === 0) return 'stale';
    await uow.tasks.save(result.task);
    await uow.appendEvents(
      task.tenantId,
      task.id,
      'system',
      result.events.map((e) => ({ ...e, data: { ...e.data, pingId: ping.id, late } })),
    );
    await applyEffects(uow, result.task, result.effects, {
      org,
      card: cardContextOf(org, now, calendar, deps.publicUrl),
      transitionKey: ping.id,
      ...(late ? { pingDueAt: ping.at } : {}),
    });
    return 'fired';
  });
}
