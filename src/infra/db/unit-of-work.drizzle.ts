import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import type { RunInTransaction, UnitOfWork } from '../../ports/unit-of-work.port.js';
import { orgCacheFor } from '../org/org-cache.js';
import type { Db, Tx } from './client.js';
import { createKpiSource } from './queries/kpi-source.drizzle.js';
import { enqueueDeliveries } from './repositories/delivery-store.drizzle.js';
import { createDirectoryRepository } from './repositories/directory-repository.drizzle.js';
import { createPersonSettingsRepository } from './repositories/person-settings.drizzle.js';
import { createRatingRepository } from './repositories/rating-store.drizzle.js';
import { createTaskRepository } from './repositories/task-repository.drizzle.js';
import { cardRefs, events, firedPings, inboundMessages, outbox } from './schema/index.js';

/** How card_refs names a person's private chat (`user:<platform user id>`). */
const PRIVATE_TARGET_PREFIX = 'user:';

function unitOfWork(tx: Tx, onDirectoryChange: (tenantId: string) => void): UnitOfWork {
  return {
    directory: createDirectoryRepository(tx, onDirectoryChange),
    tasks: createTaskRepository(tx),
    ratings: createRatingRepository(tx),
    personSettings: createPersonSettingsRepository(tx),
    kpis: createKpiSource(tx),
    async claimPing(ping) {
      const inserted = await tx
        .insert(firedPings)
        .values(ping)
        .onConflictDoNothing()
        .returning({ id: firedPings.id });
      return inserted.length > 0;
    },
    async markInboundHandled(platform, messageId) {
      const inserted = await tx
        .insert(inboundMessages)
        .values({ platform, messageId })
        .onConflictDoNothing()
        .returning({ id: inboundMessages.messageId });
      return inserted.length > 0;
    },
    async appendEvents(tenantId, taskId, source, list) {
      if (list.length === 0) return;
      await tx.insert(events).values(
        list.map((e) => ({
          tenantId,
          taskId,
          nodeId: e.nodeId,
          type: e.type,
          actorId: e.actorId,
          source,
          data: e.data,
        })),
      );
    },
    async enqueueDeliveries(items) {
      await enqueueDeliveries(tx, items);
    },
    async privateCardHolders(taskId, platform) {
      const rows = await tx
        .select({ target: cardRefs.target })
        .from(cardRefs)
        .where(
          and(
            eq(cardRefs.taskId, taskId),
            eq(cardRefs.platform, platform),
            like(cardRefs.target, `${PRIVATE_TARGET_PREFIX}%`),
          ),
        );
      return rows.map((r) => r.target.slice(PRIVATE_TARGET_PREFIX.length));
    },
    async requestNodePlan(nodeId) {
      await tx
        .insert(outbox)
        .values({ topic: 'plan-node', key: `plan-${nodeId}-${randomUUID()}`, payload: { nodeId } });
    },
  };
}

/**
 * Runs use-case work in one database transaction; after it commits, `afterCommit` runs (the
 * outbox relay is poked so messages leave at once rather than at the next poll).
 */
export function createRunInTransaction(
  db: Db,
  afterCommit: () => void = () => undefined,
): RunInTransaction {
  return async (work) => {
    const changedTenants = new Set<string>();
    const result = await db.transaction((tx) =>
      work(unitOfWork(tx, (tenantId) => changedTenants.add(tenantId))),
    );
    // The organisation cache must not serve a directory this transaction has just changed.
    for (const tenantId of changedTenants) orgCacheFor(db).invalidate(tenantId);
    afterCommit();
    return result;
  };
}
