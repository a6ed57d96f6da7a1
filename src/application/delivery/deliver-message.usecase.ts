import type { Platform } from '../../domain/org/org.types.js';
import type { ChatBudget } from '../../ports/chat-budget.port.js';
import {
  type ChatPlatform,
  ChatPlatformError,
  type MessageTarget,
  type SentMessage,
} from '../../ports/chat-platform.port.js';
import type { DeliveryRecord, DeliveryStore } from '../../ports/delivery-store.port.js';
import type { SentReceipts } from '../../ports/sent-receipts.port.js';

/** The delivery is claimed by another worker until `until`; the job should run again later. */
export class DeliveryLeasedError extends Error {
  constructor(
    readonly deliveryId: number,
    readonly until: Date,
  ) {
    super(`delivery ${deliveryId} is held by another worker until ${until.toISOString()}`);
    this.name = 'DeliveryLeasedError';
  }
}

export type DeliverOutcome = 'sent' | 'updated' | 'deferred' | 'skipped' | 'dead';

export interface DeliverDeps {
  readonly deliveries: DeliveryStore;
  readonly platforms: ReadonlyMap<Platform, ChatPlatform>;
  readonly budget: ChatBudget;
  /** Asks for the chat's digest to run once its budget has room again. */
  readonly scheduleDigest: (
    platform: Platform,
    target: MessageTarget,
    delayMs: number,
  ) => Promise<void>;
  readonly receipts: SentReceipts;
  /** How long a claim protects a delivery from other workers. */
  readonly leaseMs: number;
  /** Waits between tries to record a send while PostgreSQL is away. */
  readonly recordRetryDelaysMs?: readonly number[];
}

const RECORD_RETRY_DELAYS_MS = [100, 400, 1_500];

/**
 * Sends one recorded delivery. Throws ChatPlatformError for the caller's retry policy after
 * recording the failure; a finished or claimed delivery is skipped, so replays send nothing twice.
 */
export async function deliverMessage(
  deps: DeliverDeps & { deliveryId: number },
): Promise<DeliverOutcome> {
  const claim = await deps.deliveries.claim(deps.deliveryId, deps.leaseMs);
  if (claim.kind === 'finished') return 'skipped';
  // Another worker holds it, or held it and died mid-send: try again once its lease is out,
  // rather than dropping the job and leaving the delivery stuck in `sending`.
  if (claim.kind === 'leased') throw new DeliveryLeasedError(deps.deliveryId, claim.until);
  const { delivery } = claim;
  const platform = deps.platforms.get(delivery.platform);
  if (!platform) {
    await deps.deliveries.markFailed(
      delivery.id,
      `platform ${delivery.platform} is not configured`,
      true,
    );
    return 'dead';
  }
  const receipt = delivery.attempts > 1 ? await deps.receipts.recall(delivery.id) : null;
  if (receipt) {
    // An earlier attempt sent it but PostgreSQL was away: record that, do not send it again.
    await deps.deliveries.markSent(delivery, receipt);
    return 'sent';
  }
  const result = await sendOnce(deps, platform, delivery);
  if (!('sent' in result)) return result.outcome;
  await recordSent(deps, delivery, result.sent);
  return result.outcome;
}

type SendResult =
  | { readonly outcome: 'sent' | 'updated'; readonly sent: SentMessage }
  | { readonly outcome: 'deferred' | 'dead' };

/** Updates the card in place or sends the message, within the chat's budget; records failures. */
async function sendOnce(
  deps: DeliverDeps,
  platform: ChatPlatform,
  delivery: DeliveryRecord,
): Promise<SendResult> {
  let tookBudget = false;
  try {
    if (delivery.purpose === 'card-update' || delivery.purpose === 'private-card-update') {
      const updated = await updateInPlace(deps, platform, delivery);
      if (updated) return { outcome: 'updated', sent: updated };
    }
    if (delivery.purpose === 'private-card-update') {
      // A private copy that cannot be updated any more is left alone: a new card would be noise.
      await deps.deliveries.markFailed(
        delivery.id,
        'the private card can no longer be updated',
        true,
      );
      return { outcome: 'dead' };
    }
    if (
      delivery.target.kind === 'chat' &&
      !(await platform.answersCallback?.(delivery.target, delivery.dedupeKey))
    ) {
      const answer = await deps.budget.take(
        delivery.platform,
        delivery.target,
        platform.capabilities.chatBudget,
      );
      if (!answer.ok) {
        await deps.deliveries.markDeferred(delivery.id);
        await deps.scheduleDigest(delivery.platform, delivery.target, answer.retryAfterMs);
        return { outcome: 'deferred' };
      }
      tookBudget = true;
    }
    const sent = await platform.send(delivery.target, delivery.message, {
      idempotencyKey: `delivery-${delivery.id}`,
      dedupeKey: delivery.dedupeKey,
    });
    return { outcome: 'sent', sent };
  } catch (err) {
    const failure = asPlatformError(err);
    if (failure.kind === 'rate-limited' && tookBudget && delivery.target.kind === 'chat') {
      // The platform refused it: the chat received nothing, so its budget keeps the message.
      await deps.budget.giveBack(
        delivery.platform,
        delivery.target,
        platform.capabilities.chatBudget,
      );
    }
    const final = failure.kind === 'permanent' || failure.kind === 'configuration';
    await deps.deliveries.markFailed(delivery.id, `${failure.kind}: ${failure.message}`, final);
    throw failure;
  }
}

/**
 * Marks a delivery the platform took as sent. When PostgreSQL is away the platform's answer goes
 * to the receipts first, so the delivery's next claim (here or in another worker, once the lease
 * is out) records it instead of sending the message again; then a few quick tries, and the job's
 * own retries after that.
 */
async function recordSent(deps: DeliverDeps, delivery: DeliveryRecord, sent: SentMessage) {
  try {
    await deps.deliveries.markSent(delivery, sent);
    return;
  } catch (firstFailure) {
    await deps.receipts.remember(delivery.id, sent);
    let lastFailure = firstFailure;
    for (const delayMs of deps.recordRetryDelaysMs ?? RECORD_RETRY_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      try {
        await deps.deliveries.markSent(delivery, sent);
        return;
      } catch (err) {
        lastFailure = err;
      }
    }
    throw lastFailure;
  }
}

/**
 * Updates the task's card where it was posted. Null when there is none to update, or the
 * platform refuses the old reference (e.g. an expired WeCom response_code): then a new card goes.
 */
async function updateInPlace(
  deps: DeliverDeps,
  platform: ChatPlatform,
  delivery: DeliveryRecord,
): Promise<SentMessage | null> {
  if (
    !platform.capabilities.updateCardInPlace ||
    !delivery.taskId ||
    delivery.message.kind !== 'card'
  ) {
    return null;
  }
  const ref = await deps.deliveries.findCardRef(
    delivery.taskId,
    delivery.platform,
    delivery.target,
  );
  if (!ref) return null;
  try {
    return await platform.updateCard(ref, delivery.target, delivery.message.card);
  } catch (err) {
    if (err instanceof ChatPlatformError && err.kind === 'permanent') return null;
    throw err;
  }
}

/** Anything that is not a ChatPlatformError (a socket reset, a bug in a renderer) counts as transient. */
function asPlatformError(err: unknown): ChatPlatformError {
  if (err instanceof ChatPlatformError) return err;
  return new ChatPlatformError('transient', err instanceof Error ? err.message : String(err), {
    cause: err,
  });
}
