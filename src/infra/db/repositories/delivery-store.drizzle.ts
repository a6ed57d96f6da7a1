import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Platform } from '../../../domain/org/org.types.js';
import type {
  MessageTarget,
  OutboundMessage,
  SentMessage,
} from '../../../ports/chat-platform.port.js';
import type {
  DeliveryRecord,
  DeliveryStore,
  NewDelivery,
} from '../../../ports/delivery-store.port.js';
import type { Db, Tx } from '../client.js';
import { cardRefs, deliveries, outbox } from '../schema/index.js';

type DeliveryRow = typeof deliveries.$inferSelect;

export function targetKey(target: MessageTarget): { kind: 'chat' | 'person'; id: string } {
  return target.kind === 'chat'
    ? { kind: 'chat', id: target.chatId }
    : { kind: 'person', id: target.platformUserId };
}

function targetOf(row: { targetKind: 'chat' | 'person'; targetId: string }): MessageTarget {
  return row.targetKind === 'chat'
    ? { kind: 'chat', chatId: row.targetId }
    : { kind: 'person', platformUserId: row.targetId };
}

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    taskId: row.taskId,
    nodeId: row.nodeId,
    platform: row.platform,
    target: targetOf(row),
    purpose: row.purpose as DeliveryRecord['purpose'],
    message: row.message as OutboundMessage,
    dedupeKey: row.dedupeKey,
    attempts: row.attempts,
  };
}

/**
 * Writes deliveries and their outbox rows inside the caller's transaction. A delivery whose
 * dedupe key exists already is skipped: it was (or is being) delivered. The outbox key (the
 * BullMQ job id) carries a random part: delivery ids restart with a new database while Redis
 * keeps finished job ids for a day, so `deliver-1` alone could pass for a job already done.
 */
export async function enqueueDeliveries(tx: Tx, items: readonly NewDelivery[]): Promise<number[]> {
  if (items.length === 0) return [];
  const inserted = await tx
    .insert(deliveries)
    .values(
      items.map((d) => {
        const target = targetKey(d.target);
        return {
          tenantId: d.tenantId,
          taskId: d.taskId,
          nodeId: d.nodeId,
          platform: d.platform,
          targetKind: target.kind,
          targetId: target.id,
          purpose: d.purpose,
          message: d.message,
          dedupeKey: d.dedupeKey,
        };
      }),
    )
    .onConflictDoNothing({ target: deliveries.dedupeKey })
    .returning({ id: deliveries.id });
  if (inserted.length > 0) {
    await tx.insert(outbox).values(
      inserted.map(({ id }) => ({
        topic: 'deliver',
        key: `deliver-${id}-${randomUUID().slice(0, 8)}`,
        payload: { deliveryId: id },
      })),
    );
  }
  return inserted.map((r) => r.id);
}

/** Pending or failed, or `sending` whose worker's lease ran out (it died mid-send). */
const claimable = sql`(
  ${deliveries.status} in ('pending', 'failed')
  or (${deliveries.status} = 'sending' and ${deliveries.leaseUntil} < now())
)`;

export function createDeliveryStore(db: Db): DeliveryStore {
  return {
    async claim(id, leaseMs) {
      const [row] = await db
        .update(deliveries)
        .set({
          status: 'sending',
          attempts: sql`${deliveries.attempts} + 1`,
          leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        })
        .where(and(eq(deliveries.id, id), claimable))
        .returning();
      if (row) return { kind: 'claimed', delivery: toRecord(row) };
      const [held] = await db
        .select({ status: deliveries.status, leaseUntil: deliveries.leaseUntil })
        .from(deliveries)
        .where(eq(deliveries.id, id));
      return held?.status === 'sending' && held.leaseUntil
        ? { kind: 'leased', until: held.leaseUntil }
        : { kind: 'finished' };
    },

    async markSent(delivery, sent) {
      const markSent = (q: Db) =>
        q
          .update(deliveries)
          .set({ status: 'sent', sentAt: sql`now()`, leaseUntil: null, lastError: null })
          .where(eq(deliveries.id, delivery.id));
      const { taskId } = delivery;
      if (!taskId || !keepsCardRef(delivery)) {
        await markSent(db);
        return;
      }
      await db.transaction(async (tx) => {
        await markSent(tx);
        await saveCardRef(tx, taskId, delivery.platform, delivery.target, sent);
      });
    },

    async findCardRef(taskId, platform, target) {
      const [ref] = await db
        .select()
        .from(cardRefs)
        .where(
          and(
            eq(cardRefs.taskId, taskId),
            eq(cardRefs.platform, platform),
            eq(cardRefs.target, targetString(target)),
          ),
        );
      if (!ref) return null;
      return {
        messageId: ref.messageId,
        responseCode: ref.responseCode,
        responseCodeExpiresAt: ref.responseCodeExpiresAt,
        cardRef: ref.outTrackId,
      };
    },

    async markDeferred(id) {
      await db
        .update(deliveries)
        .set({ status: 'deferred', leaseUntil: null })
        .where(eq(deliveries.id, id));
    },

    async markFailed(id, error, final) {
      await db
        .update(deliveries)
        .set({
          status: final ? 'dead' : 'failed',
          leaseUntil: null,
          lastError: error.slice(0, 500),
        })
        .where(eq(deliveries.id, id));
    },

    async listClaimable(createdBefore, limit) {
      const rows = await db
        .select()
        .from(deliveries)
        .where(and(claimable, lt(deliveries.createdAt, createdBefore)))
        .orderBy(asc(deliveries.id))
        .limit(limit);
      return rows.map(toRecord);
    },

    async listDeferredTargets() {
      const rows = await db
        .selectDistinct({
          platform: deliveries.platform,
          targetKind: deliveries.targetKind,
          targetId: deliveries.targetId,
        })
        .from(deliveries)
        .where(eq(deliveries.status, 'deferred'));
      return rows.map((r) => ({ platform: r.platform, target: targetOf(r) }));
    },

    async mergeDeferredIntoDigest(platform, target, buildDigest) {
      return db.transaction(async (tx) => mergeDeferred(tx, platform, target, buildDigest));
    },
  };
}

/**
 * Cards whose reference is kept for updates in place: the task card in its chat, and the latest
 * private copy a person got with a notice or reminder.
 */
function keepsCardRef(delivery: NewDelivery): boolean {
  if (delivery.message.kind !== 'card') return false;
  if (delivery.purpose === 'reminder') return delivery.target.kind === 'person';
  return ['task-card', 'card-update', 'private-card-update'].includes(delivery.purpose);
}

/** Card references are keyed by target; `user:` marks a private chat. */
function targetString(target: MessageTarget): string {
  return target.kind === 'chat' ? target.chatId : `user:${target.platformUserId}`;
}

async function saveCardRef(
  tx: Tx,
  taskId: string,
  platform: Platform,
  target: MessageTarget,
  sent: SentMessage,
) {
  const values = {
    messageId: sent.messageId,
    responseCode: sent.responseCode,
    responseCodeExpiresAt: sent.responseCodeExpiresAt,
    outTrackId: sent.cardRef,
  };
  await tx
    .insert(cardRefs)
    .values({ taskId, platform, target: targetString(target), ...values })
    .onConflictDoUpdate({
      target: [cardRefs.platform, cardRefs.target, cardRefs.taskId],
      set: { ...values, updatedAt: sql`now()` },
    });
}

async function mergeDeferred(
  tx: Tx,
  platform: Platform,
  target: MessageTarget,
  buildDigest: (parts: readonly DeliveryRecord[]) => OutboundMessage,
): Promise<number | null> {
  const key = targetKey(target);
  const waiting = await tx
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.platform, platform),
        eq(deliveries.targetKind, key.kind),
        eq(deliveries.targetId, key.id),
        eq(deliveries.status, 'deferred'),
      ),
    )
    .orderBy(asc(deliveries.id))
    .for('update', { skipLocked: true });
  if (waiting.length === 0) return null;
  const parts = waiting.map(toRecord);
  const first = parts[0] as DeliveryRecord;
  const [digestId] = await enqueueDeliveries(tx, [
    {
      tenantId: first.tenantId,
      taskId: null,
      nodeId: null,
      platform,
      target,
      purpose: 'digest',
      message: buildDigest(parts),
      // The first merged id is unique to this digest: each delivery is merged once.
      dedupeKey: `digest-of-${first.id}`,
    },
  ]);
  if (digestId === undefined) return null;
  await tx
    .update(deliveries)
    .set({ status: 'merged', mergedInto: digestId })
    .where(
      inArray(
        deliveries.id,
        parts.map((p) => p.id),
      ),
    );
  return digestId;
}
