import type { Platform } from '../../domain/org/org.types.js';
import type { MessageTarget } from '../../ports/chat-platform.port.js';
import type { DeliveryRecord, DeliveryStore } from '../../ports/delivery-store.port.js';

export interface RequeueResult {
  readonly deliveries: number;
  readonly digests: number;
}

/** Rows per pass: enough for any backlog a restart leaves, small enough for one query. */
const BATCH = 5_000;

/**
 * Gives every delivery that should be moving a queue job again: after Redis lost its data the
 * jobs are gone while Postgres still says "pending". Enqueueing is idempotent by job id, and a
 * delivery is claimed in Postgres before it is sent, so a job too many never sends twice.
 */
export async function requeueDeliveries(
  deps: {
    readonly deliveries: DeliveryStore;
    readonly enqueue: (delivery: DeliveryRecord) => Promise<void>;
    readonly scheduleDigest: (platform: Platform, target: MessageTarget) => Promise<void>;
  },
  createdBefore: Date,
): Promise<RequeueResult> {
  const stranded = await deps.deliveries.listClaimable(createdBefore, BATCH);
  for (const delivery of stranded) await deps.enqueue(delivery);
  const deferred = await deps.deliveries.listDeferredTargets();
  for (const { platform, target } of deferred) await deps.scheduleDigest(platform, target);
  return { deliveries: stranded.length, digests: deferred.length };
}
