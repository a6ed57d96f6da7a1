import type { CalendarConfig } from '../calendar/calendar.types.js';
import type { Duration } from '../shared/duration.types.js';

export type Platform = 'wecom' | 'dingtalk' | 'sim';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string | null;
  /** WeCom userid, when known. */
  readonly wecomUserId: string | null;
  /** DingTalk staffId (userId), when known. */
  readonly dingtalkUserId: string | null;
  readonly active: boolean;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  readonly liaisonId: string | null;
  readonly leaderId: string | null;
}

export interface CoordinationChat {
  readonly platform: Platform;
  readonly chatId: string;
  /** Group-robot webhook key (WeCom) or access token (DingTalk custom robot), for send-only chats. */
  readonly webhookKey: string | null;
}

/** When to remind before a deadline: a share of the node's window, or a fixed time before it. */
export type ReminderOffset =
  | { readonly kind: 'share'; readonly share: number }
  | { readonly kind: 'before'; readonly duration: Duration };

/** Who an escalation step pings. */
export type NotifyTarget = 'owner' | 'liaison' | 'coordination' | 'leadership' | 'requester';

export interface EscalationLevel {
  /** Time after the deadline at which this level fires (`0` = at the deadline). */
  readonly after: Duration;
  readonly notify: readonly NotifyTarget[];
}

export interface EscalationLadder {
  readonly remindBefore: readonly ReminderOffset[];
  readonly levels: readonly EscalationLevel[];
}

/** An organisation as Baton knows it: the parsed, validated org file (plus directory data). */
export interface Org {
  readonly calendar: CalendarConfig;
  readonly departments: readonly Department[];
  readonly people: readonly Person[];
  readonly coordination: {
    readonly chats: readonly CoordinationChat[];
    readonly coordinators: readonly string[];
    readonly leadership: readonly string[];
    /** Baton admins named in the org file (besides BATON_ADMINS). */
    readonly admins: readonly string[];
  };
  readonly escalation: {
    readonly normal: EscalationLadder;
    readonly urgent: EscalationLadder;
  };
}
