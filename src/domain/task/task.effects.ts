import type { BusinessCalendar } from '../calendar/calendar.types.js';
import type { DeadlineSpec } from '../deadline/deadline.types.js';
import type { NotifyTarget } from '../org/org.types.js';
import type { Task } from './task.types.js';

/** A person acting on a task. Coordinators and admins may act on any node. */
export interface Actor {
  readonly personId: string;
  readonly isCoordinator: boolean;
  readonly isAdmin: boolean;
}

/** What every transition needs besides the task and the action. */
export interface TaskContext {
  readonly now: Date;
  /** Null for the system (scheduler pings). */
  readonly actor: Actor | null;
  readonly calendar: BusinessCalendar;
  /** Display name of a person id, for refusals that name who may act. */
  readonly nameOf: (personId: string) => string;
}

export type PingKind = 'remind' | 'escalate' | 'response-check';

/**
 * Everything a person or the scheduler can do to a task (creation is {@link createTask}).
 * - `ack` (/收到): the first response the SOP's response limit measures.
 * - `complete` / `approve` / `reject`: an owner's decision on an action or approval node.
 * - `nudge` (/催办), `transfer` (/转交), `sendback` (/退回 to an earlier finished node),
 *   `add-approver` (/加签), `add-followers` (/抄送), `pause` (/挂起), `resume` (/恢复).
 * - `request-extension` (/延期) and `decide-extension` (the creator's or a coordinator's answer).
 * - `cancel` (/撤销), `escalate` (/升级: to the coordination group now).
 * - `ping`: a scheduled reminder, response check or escalation step fired; it does nothing when
 *   the node moved on or its deadline changed since it was planned (`deadlineVersion`).
 */
export type TaskAction =
  | { readonly type: 'ack'; readonly nodeId: string }
  | { readonly type: 'complete'; readonly nodeId: string; readonly note: string | null }
  | { readonly type: 'approve'; readonly nodeId: string; readonly note: string | null }
  | { readonly type: 'reject'; readonly nodeId: string; readonly reason: string }
  /** `note`: what the nudger wrote after /催办 (「明天就要用了」), passed to the owners. */
  | { readonly type: 'nudge'; readonly nodeId: string; readonly note?: string | null }
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
  | {
      readonly type: 'add-followers';
      readonly people: readonly string[];
      readonly note: string | null;
    }
  | { readonly type: 'pause'; readonly nodeId: string; readonly reason: string }
  | { readonly type: 'resume'; readonly nodeId: string }
  | {
      readonly type: 'request-extension';
      readonly nodeId: string;
      readonly deadline: DeadlineSpec;
      readonly reason: string;
    }
  /** `reason`: why a refusal, told to the owners (from /拒绝延期). */
  | {
      readonly type: 'decide-extension';
      readonly approve: boolean;
      readonly reason?: string | null;
    }
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
  /** Dotted, past tense: `node.completed`, `task.cancelled`. */
  readonly type: string;
  readonly nodeId: string | null;
  /** Null when the system acted (a scheduled ping). */
  readonly actorId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Why owners or others are told something; the application picks the message and card. */
export type NoticeReason =
  | 'activated'
  | 'nudged'
  | 'transferred'
  | 'reworked'
  /** A node already under way (or done) waits again: a node of its group was rejected. */
  | 'reset'
  | 'rejected'
  | 'copied'
  | 'extension-requested'
  | 'extension-approved'
  | 'extension-denied'
  | 'paused'
  | 'escalated'
  | 'done'
  | 'cancelled';

/** Who acted and why, for a notice that must say so (驳回, 转交, 升级). */
export interface NoticeDetail {
  /** The person who acted; null for the system. */
  readonly by: string | null;
  /** Why, in the person's words; null when they gave none (a 抄送 without a note). */
  readonly reason: string | null;
  /** The node the reason is about, when not the notice's own (the rejected one, for rework). */
  readonly aboutNodeId?: string;
}

/** What the application must do after a transition: data, not I/O. */
export type TaskEffect =
  /** Update the task card in place wherever it was posted (every transition that changed something). */
  | { readonly type: 'refresh-card' }
  /**
   * Tell an audience about a node (`nodeId`) or the whole task (`null`): `owners` are the node's
   * owners who have not decided yet; `creator` the requester; `followers` those copied (抄送);
   * `coordination` the coordination group chat with its coordinators mentioned.
   */
  | {
      readonly type: 'notify';
      readonly audience: 'owners' | 'creator' | 'coordination' | 'followers';
      readonly reason: NoticeReason;
      readonly nodeId: string | null;
      readonly detail?: NoticeDetail;
      /** Only these people of the audience (the ones just copied, for `copied`). */
      readonly people?: readonly string[];
    }
  /**
   * (Re)plan the node's pings for its deadline as of `deadlineVersion`: pings of older versions
   * are to be dropped (they would do nothing anyway).
   */
  | { readonly type: 'plan-node'; readonly nodeId: string; readonly deadlineVersion: number }
  /** Drop every scheduled ping of the node: it finished, was paused, reset or cancelled. */
  | { readonly type: 'clear-node'; readonly nodeId: string }
  /** A scheduled ping fired and still applies: send it to whom the ladder names for `level`. */
  | {
      readonly type: 'send-ping';
      readonly nodeId: string;
      readonly kind: PingKind;
      readonly level: number;
      readonly notify: readonly NotifyTarget[];
    }
  /** The task closed done: ask the requester to rate the collaboration (1–5). */
  | { readonly type: 'request-rating' };

/** The outcome of one transition: the new task, its audit events, and the effects to carry out. */
export interface TransitionResult {
  readonly task: Task;
  readonly events: readonly TaskEvent[];
  readonly effects: readonly TaskEffect[];
}
