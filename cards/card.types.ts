/**
 * The platform-neutral card: what Baton wants to show. Each adapter renders it within its own
 * platform's limits (WeCom template_card, DingTalk interactive card, markdown fallback).
 */
export interface Card {
  /** Stable key of the card for in-place updates, e.g. `task-tsk_8f3`. */
  readonly key: string;
  readonly tone: CardTone;
  readonly title: string;
  readonly subtitle: string | null;
  /** Label/value rows (requester, deadline, …). */
  readonly fields: readonly CardField[];
  /** The task's nodes, in order; renderers may show active and late ones first when space is short. */
  readonly steps: readonly CardStep[];
  /** Free text below the fields (a reminder's message, a rejection's reason). */
  readonly note: string | null;
  readonly actions: readonly CardAction[];
  /** A link to the console's page for the subject, when there is one. */
  readonly link: { readonly label: string; readonly url: string } | null;
  /** People to @-mention with the card (by person id; adapters map to platform ids). */
  readonly mentions: readonly string[];
}

export type CardTone = 'info' | 'success' | 'warning' | 'danger' | 'muted';

export interface CardField {
  readonly label: string;
  readonly value: string;
}

export interface CardStep {
  /** `#12.2` */
  readonly ref: string;
  readonly title: string;
  /** Names with their departments: `张三、王五（后勤部）、李四（财务部）`. */
  readonly owners: string;
  readonly deadline: string | null;
  /** The refs of the steps that run at the same time as this one (none when it runs alone). */
  readonly parallelWith: readonly string[];
  /** What an open step takes and gives, compactly (`输入：报价单；输出：审批结果`), or null. */
  readonly details: string | null;
  readonly state: CardStepState;
  /** Short Chinese state text, e.g. `进行中`, `已超时 2小时`. */
  readonly stateText: string;
}

export type CardStepState =
  | 'pending'
  | 'active'
  | 'late'
  | 'paused'
  | 'done'
  | 'rejected'
  | 'skipped';

/** Buttons on a task card, which act on the task (`value` holds `taskId`, `nodeId`, …). */
export const TASK_CARD_ACTIONS = [
  'node.done',
  'node.approve',
  'node.reject',
  'node.reject.other',
  'extension.approve',
  'extension.deny',
] as const;
/** Buttons on a person's own cards: the rating request and the daily digest. */
export const PERSONAL_CARD_ACTIONS = ['rating.score', 'digest.on', 'digest.off'] as const;

export type TaskCardActionId = (typeof TASK_CARD_ACTIONS)[number];
export type PersonalCardActionId = (typeof PERSONAL_CARD_ACTIONS)[number];
/** Every button Baton puts on a card; a tap names one of these (or a card it no longer makes). */
export type CardActionId = TaskCardActionId | PersonalCardActionId;

export function isTaskCardAction(id: string): id is TaskCardActionId {
  return (TASK_CARD_ACTIONS as readonly string[]).includes(id);
}

export function isPersonalCardAction(id: string): id is PersonalCardActionId {
  return (PERSONAL_CARD_ACTIONS as readonly string[]).includes(id);
}

/** A button. `actionId` is neutral (`node.done`); `command` is what to type where buttons can't go. */
export interface CardAction {
  readonly actionId: CardActionId;
  readonly label: string;
  readonly style: 'primary' | 'default' | 'danger';
  readonly value: Readonly<Record<string, string>>;
  readonly command: string;
}
