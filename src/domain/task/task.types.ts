import type { LocalDate } from '../calendar/calendar.types.js';
import type { DeadlineSpec } from '../deadline/deadline.types.js';
import type { Platform } from '../org/org.types.js';
import type { Duration } from '../shared/duration.types.js';

export type TaskStatus = 'open' | 'done' | 'cancelled' | 'rejected';
export type NodeStatus =
  | 'pending'
  | 'active'
  | 'paused'
  | 'done'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'skipped';
export type OwnerDecision = 'done' | 'approved' | 'rejected';

export interface NodeOwner {
  readonly personId: string;
  readonly decision: OwnerDecision | null;
  readonly decidedAt: Date | null;
}

/**
 * A step of a task (`#12.2`), owned by one or more people, with its deadline.
 *
 * Status: `pending` (its group has not started) → `active` ⇄ `paused` → `done` (action) or
 * `approved` / `rejected` (approval). A task that closes early ends its open nodes as
 * `cancelled` and the nodes it never reached as `skipped`. Rework puts nodes back to `pending`.
 */
export interface TaskNode {
  readonly id: string;
  /** 1-based position, shown as `#12.2`. */
  readonly seq: number;
  /** Nodes of one group run in parallel; groups run in order. */
  readonly parallelGroup: number;
  readonly title: string;
  readonly kind: 'action' | 'approval';
  /** `all` (会签): every owner must act; `any` (或签): the first decision settles it. */
  readonly signMode: 'all' | 'any';
  readonly owners: readonly NodeOwner[];
  readonly departmentId: string | null;
  /** The deadline as understood; `deadline.text` keeps what the person wrote (`明天18:00`). */
  readonly deadline: DeadlineSpec;
  /** The absolute deadline, set when the node becomes active. */
  readonly dueAt: Date | null;
  /**
   * Bumps on every change of `dueAt` and whenever the node is planned afresh (activation,
   * resume, extension): scheduled pings of an older version do nothing. Never decreases.
   */
  readonly deadlineVersion: number;
  readonly status: NodeStatus;
  /** The highest escalation level reached (0: none). */
  readonly escalationLevel: number;
  /** The SOP's response limit ("review within 2h"): the first ack or decision must come by then. */
  readonly responseLimit: Duration | null;
  readonly activatedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly pausedAt: Date | null;
  /** Wall-clock time spent paused over the node's life (KPIs leave it out of the time taken). */
  readonly pausedTotalMs: number;
  readonly completedAt: Date | null;
  /** Times the node was sent back for rework. */
  readonly reworkCount: number;
  readonly lastNudgedAt: Date | null;
  /** Inputs and outputs of the SOP step (`输入`, `输出`), and notes left on completion (`处理说明`). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface ExtensionRequest {
  readonly nodeId: string;
  readonly deadline: DeadlineSpec;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: Date;
}

/** The last rejection of a node, shown on the card until that node is settled again. */
export interface Rejection {
  readonly nodeId: string;
  /** Who rejected (person id). */
  readonly by: string;
  readonly reason: string;
  readonly at: Date;
}

/** A cross-department task: a chain of nodes that passes the baton from owner to owner. */
export interface Task {
  readonly id: string;
  readonly tenantId: string;
  /** Short number per tenant, shown as `#12`. */
  readonly number: number;
  readonly title: string;
  readonly creatorId: string;
  readonly origin: { readonly platform: Platform; readonly chatId: string };
  readonly priority: 'normal' | 'urgent';
  readonly eventDate: LocalDate | null;
  readonly status: TaskStatus;
  readonly templateKey: string | null;
  /** What a rejection does: send the task back to the nodes before (rework) or close it. */
  readonly onReject: 'sendback' | 'close';
  readonly followers: readonly string[];
  readonly pendingExtension: ExtensionRequest | null;
  readonly lastRejection: Rejection | null;
  readonly createdAt: Date;
  /** Bumps on every transition that changes the task (1 once created): optimistic locking. */
  readonly version: number;
  readonly closedAt: Date | null;
  readonly nodes: readonly TaskNode[];
}
