import type { Platform } from '../domain/org/org.types.js';
import type { MessageTarget, OutboundMessage, SentMessage } from './chat-platform.port.js';

/** Why a message is sent; card messages of purpose `task-card` are kept updatable. */
export type DeliveryPurpose =
  | 'task-card'
  | 'card-update'
  /**
   * A person's private copy of the task card (a notice or reminder card) brought up to date in
   * place; never sent anew.
   */
  | 'private-card-update'
  | 'reply'
  | 'reminder'
  | 'escalation'
  | 'digest'
  | 'rating'
  | 'report'
  /** The personal daily digest of open nodes (not a chat-budget `digest`). */
  | 'daily-digest';

/** An outbound message to write in the same transaction as the change that causes it. */
export interface NewDelivery {
  readonly tenantId: string;
  readonly taskId: string | null;
  readonly nodeId: string | null;
  readonly platform: Platform;
  readonly target: MessageTarget;
  readonly purpose: DeliveryPurpose;
  readonly message: OutboundMessage;
  /** Unique forever: the same key is never delivered twice (e.g. `ping-<id>-<recipient>`). */
  readonly dedupeKey: string;
}

export interface DeliveryRecord extends NewDelivery {
  readonly id: number;
  readonly attempts: number;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly delivery: DeliveryRecord }
  | { readonly kind: 'leased'; readonly until: Date }
  | { readonly kind: 'finished' };

/** The deliveries table, as the delivery worker uses it. */
export interface DeliveryStore {
  /**
   * Takes a delivery for sending: pending, failed, or `sending` with an expired lease (a worker
   * died mid-send). `leased` when another worker holds it (or held it and died: its lease runs
   * out at `until`); `finished` when it is sent, merged, deferred or dead, or does not exist.
   */
  claim(id: number, leaseMs: number): Promise<ClaimResult>;
  /** Records success; for a task card (sent or re-sent), keeps its reference for later updates. */
  markSent(delivery: DeliveryRecord, sent: SentMessage): Promise<void>;
  /** Where the task's card was posted to this target, when it was. */
  findCardRef(
    taskId: string,
    platform: Platform,
    target: MessageTarget,
  ): Promise<SentMessage | null>;
  /** The chat's budget is spent: the delivery waits for the chat's next digest. */
  markDeferred(id: number): Promise<void>;
  /** A failed attempt; `final` when it will not be retried. */
  markFailed(id: number, error: string, final: boolean): Promise<void>;
  /**
   * Atomically turns every deferred delivery of one chat into a single new digest delivery
   * (pending, with its outbox row) and returns its id, or null when nothing is deferred.
   */
  /**
   * Deliveries that should be moving but may have lost their queue job (Redis lost its data):
   * claimable ones created before `createdBefore`, oldest first.
   */
  listClaimable(createdBefore: Date, limit: number): Promise<readonly DeliveryRecord[]>;
  /** The chats (and people) with deliveries waiting for a digest. */
  listDeferredTargets(): Promise<readonly { platform: Platform; target: MessageTarget }[]>;
  mergeDeferredIntoDigest(
    platform: Platform,
    target: MessageTarget,
    buildDigest: (parts: readonly DeliveryRecord[]) => OutboundMessage,
  ): Promise<number | null>;
}
