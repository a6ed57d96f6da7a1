/** `#12` (node null) or `#12.2`. */
export interface TaskRef {
  readonly task: number;
  readonly node: number | null;
}

/** One node line of a new task, as written; people and the deadline are resolved later. */
export interface NodeDraft {
  readonly title: string;
  /** Names after `@` (people or departments), in order. */
  readonly owners: readonly string[];
  /** 会签 (all must act, the default) or 或签 (any one is enough). */
  readonly signMode: 'all' | 'any';
  readonly kind: 'action' | 'approval';
  /** Runs in parallel with the node before it (line started with `+`). */
  readonly parallel: boolean;
  /** The deadline text as written, e.g. `明天18:00`; null when none was given. */
  readonly deadlineText: string | null;
}

export interface ActionItemDraft {
  readonly title: string;
  readonly owners: readonly string[];
  readonly deadlineText: string | null;
}

export type SetupAction =
  | { readonly kind: 'show' }
  | { readonly kind: 'coordination-chat' }
  | { readonly kind: 'liaison'; readonly person: string; readonly department: string }
  | { readonly kind: 'coordinator'; readonly person: string }
  | { readonly kind: 'leader'; readonly person: string };

/** Everything a person can ask Baton in a chat. */
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
      readonly fields: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'minutes'; readonly title: string; readonly items: readonly ActionItemDraft[] }
  | { readonly kind: 'status'; readonly ref: TaskRef | null }
  | { readonly kind: 'my' }
  | { readonly kind: 'ack'; readonly ref: TaskRef | null }
  | { readonly kind: 'done'; readonly ref: TaskRef | null; readonly note: string | null }
  | { readonly kind: 'approve'; readonly ref: TaskRef | null; readonly note: string | null }
  | { readonly kind: 'reject'; readonly ref: TaskRef | null; readonly reason: string }
  | { readonly kind: 'nudge'; readonly ref: TaskRef | null }
  | {
      readonly kind: 'transfer';
      readonly ref: TaskRef | null;
      readonly to: string;
      readonly reason: string;
    }
  | { readonly kind: 'sendback'; readonly ref: TaskRef; readonly reason: string }
  | { readonly kind: 'addsign'; readonly ref: TaskRef | null; readonly people: readonly string[] }
  | { readonly kind: 'cc'; readonly ref: TaskRef; readonly people: readonly string[] }
  | { readonly kind: 'pause'; readonly ref: TaskRef | null; readonly reason: string }
  | { readonly kind: 'resume'; readonly ref: TaskRef | null }
  | {
      readonly kind: 'extend';
      readonly ref: TaskRef | null;
      readonly deadlineText: string;
      readonly reason: string;
    }
  | { readonly kind: 'escalate'; readonly ref: TaskRef; readonly reason: string }
  | { readonly kind: 'cancel'; readonly ref: TaskRef; readonly reason: string | null }
  | { readonly kind: 'report'; readonly periodText: string | null }
  | { readonly kind: 'help'; readonly topic: string | null }
  | { readonly kind: 'setup'; readonly action: SetupAction }
  | {
      readonly kind: 'rate';
      readonly ref: TaskRef;
      readonly score: number;
      readonly comment: string | null;
    };

export type CommandKind = Command['kind'];

/** What a chat message is to Baton. */
export type ParseOutcome =
  | { readonly kind: 'command'; readonly command: Command }
  /** Chatter not meant for Baton (no leading `/` and Baton was not addressed). */
  | { readonly kind: 'not-a-command' };
