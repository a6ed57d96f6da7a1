/** `#12` (node null: the task, or the sender's node in it) or `#12.2` (node 2 of task 12). */
export interface TaskRef {
  readonly task: number;
  readonly node: number | null;
}

/** A reference that names one node: `#12.2`. */
export interface NodeRef extends TaskRef {
  readonly node: number;
}

/** A reference to a whole task: `#12`. */
export interface WholeTaskRef extends TaskRef {
  readonly node: null;
}

/** 会签 (`all`: every owner must act, the default) or 或签 (`any`: one is enough). */
export type SignMode = 'all' | 'any';

/** An action node is done by its owners; an approval node (`审批`) is approved or rejected. */
export type NodeKind = 'action' | 'approval';

/** One node line of a new task, as written; people and the deadline are resolved later. */
export interface NodeDraft {
  readonly title: string;
  /** Names after `@` (people or departments), in order, without duplicates. */
  readonly owners: readonly string[];
  readonly signMode: SignMode;
  readonly kind: NodeKind;
  /** Runs in parallel with the node before it (the line started with `+`). */
  readonly parallel: boolean;
  /** The deadline as written (`明天18:00`, `2小时内`), or null when none was given. */
  readonly deadlineText: string | null;
}

/** One action item of meeting minutes: it becomes a task with a single node. */
export type ActionItemDraft = Omit<NodeDraft, 'parallel'>;

/** The period of `/周报`; dates of a range are kept as written. */
export type ReportPeriod =
  | { readonly kind: 'this-week' }
  | { readonly kind: 'last-week' }
  | { readonly kind: 'this-month' }
  | { readonly kind: 'last-month' }
  | { readonly kind: 'range'; readonly fromText: string; readonly toText: string };

/** What `/设置` changes; people and departments are kept as written. */
export type SetupAction =
  | { readonly kind: 'show' }
  /** Marks the current chat as the coordination group. */
  | { readonly kind: 'coordination-chat' }
  | { readonly kind: 'liaison'; readonly person: string; readonly department: string }
  | { readonly kind: 'coordinators'; readonly people: readonly string[] }
  /** A department's leader, or the organisation's leadership when `department` is null. */
  | { readonly kind: 'leader'; readonly person: string; readonly department: string | null };

export type RatingScore = 1 | 2 | 3 | 4 | 5;

/**
 * Everything a person can ask Baton in a chat. A `ref` of null means "the sender's only
 * matching open node (or task)": the use-case finds it, or asks which one.
 */
export type Command =
  | {
      readonly kind: 'create-task';
      readonly title: string;
      readonly urgent: boolean;
      /** Event date as written (`2026-12-20`, `12月20日`), for event-relative deadlines. */
      readonly eventDateText: string | null;
      readonly nodes: readonly NodeDraft[];
    }
  | {
      readonly kind: 'start-flow';
      readonly template: string;
      readonly urgent: boolean;
      /** `key=value` fields in the order written; values as written. */
      readonly fields: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'minutes';
      readonly title: string;
      readonly items: readonly ActionItemDraft[];
      /** The other lines of the minutes (attendees, decisions), kept for the record. */
      readonly notes: readonly string[];
    }
  | { readonly kind: 'status'; readonly ref: TaskRef | null }
  | { readonly kind: 'my' }
  | { readonly kind: 'ack'; readonly ref: TaskRef | null; readonly note: string | null }
  | { readonly kind: 'done'; readonly ref: TaskRef | null; readonly note: string | null }
  | { readonly kind: 'approve'; readonly ref: TaskRef | null; readonly note: string | null }
  | { readonly kind: 'reject'; readonly ref: TaskRef | null; readonly reason: string }
  | { readonly kind: 'nudge'; readonly ref: TaskRef | null; readonly note: string | null }
  | {
      readonly kind: 'transfer';
      readonly ref: TaskRef | null;
      readonly to: string;
      readonly reason: string;
    }
  /** `ref` is the earlier node the task goes back to. */
  | { readonly kind: 'sendback'; readonly ref: NodeRef; readonly reason: string }
  | {
      readonly kind: 'addsign';
      readonly ref: TaskRef | null;
      readonly people: readonly string[];
      readonly note: string | null;
    }
  | {
      readonly kind: 'cc';
      readonly ref: WholeTaskRef;
      readonly people: readonly string[];
      readonly note: string | null;
    }
  | { readonly kind: 'pause'; readonly ref: TaskRef | null; readonly reason: string }
  | { readonly kind: 'resume'; readonly ref: TaskRef | null; readonly note: string | null }
  | {
      readonly kind: 'extend';
      readonly ref: TaskRef | null;
      /** The requested new deadline as written (`周五前`, `明天 18:00`). */
      readonly deadlineText: string;
      readonly reason: string;
    }
  /** The requester's (or a coordinator's) answer to the task's pending /延期 request. */
  | { readonly kind: 'approve-extension'; readonly ref: WholeTaskRef }
  | { readonly kind: 'deny-extension'; readonly ref: WholeTaskRef; readonly reason: string | null }
  /** `ref` names the task (or its node) to raise to the coordination group. */
  | { readonly kind: 'escalate'; readonly ref: TaskRef; readonly reason: string }
  | { readonly kind: 'cancel'; readonly ref: WholeTaskRef; readonly reason: string | null }
  | { readonly kind: 'report'; readonly period: ReportPeriod }
  /** The person's daily digest of open nodes, on or off. */
  | { readonly kind: 'digest'; readonly enabled: boolean }
  /** `topic` null: the overview of all commands; `deadline`: how to write deadlines. */
  | { readonly kind: 'help'; readonly topic: HelpTopic | null }
  | { readonly kind: 'setup'; readonly action: SetupAction }
  | {
      readonly kind: 'rate';
      readonly ref: WholeTaskRef;
      readonly score: RatingScore;
      readonly comment: string | null;
    };

export type CommandKind = Command['kind'];

/** Chatter that is not for Baton: no leading `/`, and Baton was not @-mentioned. */
export interface NotACommand {
  readonly kind: 'not-a-command';
}

/** What a chat message is to Baton. */
export type ParseOutcome = { readonly kind: 'command'; readonly command: Command } | NotACommand;

export interface ParseOptions {
  /** Names Baton is @-mentioned by (`接力`, `Baton`); such a mention is dropped. */
  readonly botNames?: readonly string[];
}

/** What `/帮助 <topic>` explains: one command, or how to write deadlines (`/帮助 截止时间`). */
export type HelpTopic = CommandKind | 'deadline';
