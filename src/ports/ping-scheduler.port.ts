/** One moment at which the schedule must act on a node: a reminder or an escalation step. */
export interface ScheduledPing {
  /** Deterministic and BullMQ-safe: `<kind>-<nodeId>-v<deadlineVersion>-<step>`. */
  readonly id: string;
  readonly nodeId: string;
  readonly deadlineVersion: number;
  readonly at: Date;
}

/**
 * Redis's copy of the schedule. Postgres is the truth: everything here can be rebuilt from the
 * open nodes (reconciliation), so losing it loses nothing.
 */
export interface PingScheduler {
  /**
   * Makes the node's scheduled pings exactly `pings`: adds the missing ones (a moment already
   * past fires at once) and removes the node's others. Idempotent.
   */
  setNodePings(nodeId: string, pings: readonly ScheduledPing[]): Promise<void>;
  /** `setNodePings` for many nodes in a few round trips (reconciliation's rebuild). */
  setManyNodePings(plans: ReadonlyMap<string, readonly ScheduledPing[]>): Promise<void>;
  /** Removes every scheduled ping of the node (done, cancelled). */
  clearNode(nodeId: string): Promise<void>;
  /** Ids of every ping waiting in Redis, for reconciliation. */
  listScheduledIds(): Promise<Set<string>>;
  /** Removes pings by id (orphans found by reconciliation). */
  remove(ids: readonly string[]): Promise<void>;
}
