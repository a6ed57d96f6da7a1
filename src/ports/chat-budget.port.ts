import type { Platform } from '../domain/org/org.types.js';
import type { MessageBudget, MessageTarget } from './chat-platform.port.js';

export type BudgetAnswer =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterMs: number };

/**
 * How many messages a chat may still receive in the current window (group robots accept about
 * 20 a minute). Shared by every worker process.
 */
export interface ChatBudget {
  /** Takes one message from the target's budget, or says how long until there is room. */
  take(platform: Platform, target: MessageTarget, budget: MessageBudget): Promise<BudgetAnswer>;
  /** Returns a taken message the platform refused to carry (its rate limit): nothing reached the chat. */
  giveBack(platform: Platform, target: MessageTarget, budget: MessageBudget): Promise<void>;
}
