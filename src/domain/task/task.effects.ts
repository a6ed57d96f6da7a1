import type { BusinessCalendar } from '../calendar/calendar.types.js';
import type { DeadlineSpec } from '../deadline/deadline.types.js';
import type { NotifyTarget } from '../org/org.types.js';
import type { Task } from './task.types.js';

/** Who is acting: a person (coordinators and admins may act on any node), or the scheduler. */
export interface Actor {
  readonly personId: string;
  readonly isCoordinator: boolean;
}

export interface TaskContext {
  readonly now: Date;
  /** Null for the system (scheduler pings). */
  readonly actor: Actor | null;
  readonly calendar: BusinessCalendar;
  /** Display name of a person id, for refusals that name who may act. */
  readonly nameOf: (personId: string) => string;
}

export type PingKind = 'remind' | 'escalate' | 'response-check';

/** Everything a person or the scheduler can do to a task. */
export type TaskAction =
  | { readonly type: 'ack'; readonly nodeId: string }
  | { readonly type: 'complete'; readonly nodeId: string; readonly note: string | null }
  | { readonly type: 'approve'; readonly nodeId: string; readonly note: string | null }
  | { readonly type: 'reject'; readonly nodeId: string; readonly reason: string }
  | { readonly type: 'nudge'; readonly nodeId: string }
  | {
      readonly type: 'transfer';
      readonly nodeId: string;
      readonly to: string;
      readonly reason: string;
    }
  | {
      readonly type: 'sendback';
      readonly nodeId: string;
      readonly targetNodeId: string;
      readonly reason: string;
    }
  | { readonly type: 'add-approver'; readonly nodeId: string; readonly personId: string }
  | { readonly type: 'add-followers'; readonly people: readonly string[] }
  | { readonly type: 'pause'; readonly nodeId: string; readonly reason: string }
  | { readonly type: 'resume'; readonly nodeId: string }
  | {
      readonly type: 'request-extension';
      readonly nodeId: string;
      readonly deadline: DeadlineSpec;
      readonly reason: string;
    }
  | { readonly type: 'decide-extension'; readonly approve: boolean }
  | { readonly type: 'cancel'; readonly reason: string | null }
  | { readonly type: 'escalate'; readonly nodeId: string | null; readonly reason: string }
  | {
      readonly type: 'ping';
      readonly nodeId: string;
      readonly deadlineVersion: number;
      readonly kind: PingKind;
      readonly level: number;
      /** Whom the ladder says to tell at this step. */
      readonly notify: readonly NotifyTarget[];
    };

/** An audit-trail entry: appended to the event log, never changed. */
export interface TaskEvent {
  readonly type: string;
  readonly nodeId: string | null;
  readonly actorId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Why owners or others are told something; the application picks the message and card. */
export type NoticeReason =
  | 'activated'
  | 'nudged'
  | 'transferred'
  | 'reworked'
  | 'rejected'
  | 'extension-requested'
  | 'extension-approved'
  | 'extension-denied'
  | 'paused'
  | 'escalated'
  | 'done'
  | 'cancelled';

/**
 * What the application must do after a transition: data, not I/O.
 * - `refresh-card`: update the task card wherever it was posted.
 * - `notify`: tell an audience about a node or the task.
 * - `plan-node` / `clear-node`: (re)schedule or drop the node's pings.
 * - `send-ping`: a scheduled ping fired; notify whom the ladder says for `level`.
 * - `request-rating`: the task closed done; ask the requester for a rating.
 */
export type TaskEffect =
  | { readonly type: 'refresh-card' }
  | {
      readonly type: 'notify';
      readonly audience: 'owners' | 'creator' | 'coordination' | 'followers';
      readonly reason: NoticeReason;
      readonly nodeId: string | null;
    }
  | { readonly type: 'plan-node'; readonly nodeId: string }
  | { readonly type: 'clear-node'; readonly nodeId: string }
  | {
      readonly type: 'send-ping';
      readonly nodeId: string;
      readonly kind: PingKind;
      readonly level: number;
      readonly notify: readonly NotifyTarget[];
    }
  | { readonly type: 'request-rating' };

export interface TransitionResult {
  readonly task: Task;
  readonly events: readonly TaskEvent[];
  readonly effects: readonly TaskEffect[];
}
