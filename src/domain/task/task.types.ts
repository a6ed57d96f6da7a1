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
  | 'cancelled';
export type OwnerDecision = 'done' | 'approved' | 'rejected';

export interface NodeOwner {
  readonly personId: string;
  readonly decision: OwnerDecision | null;
  readonly decidedAt: Date | null;
}

/** A step of a task (`#12.2`), owned by one or more people, with its deadline. */
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
  readonly deadline: DeadlineSpec;
  /** The absolute deadline, set when the node becomes active. */
  readonly dueAt: Date | null;
  /** Bumps on every change of `dueAt`: scheduled pings of an older version do nothing. */
  readonly deadlineVersion: number;
  readonly status: NodeStatus;
  /** The highest escalation level reached (0: none). */
  readonly escalationLevel: number;
  /** The SOP's response limit ("review within 2h"): the first ack or decision must come by then. */
  readonly responseLimit: Duration | null;
  readonly activatedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly pausedAt: Date | null;
  readonly completedAt: Date | null;
  /** Times the node was sent back for rework. */
  readonly reworkCount: number;
  readonly lastNudgedAt: Date | null;
  /** Inputs and outputs of the SOP step, or notes left on completion. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface ExtensionRequest {
  readonly nodeId: string;
  readonly deadline: DeadlineSpec;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: Date;
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
  readonly createdAt: Date;
  readonly closedAt: Date | null;
  readonly nodes: readonly TaskNode[];
}
