import { TASK_ID_FORBIDDEN, TEMPLATE_CARD_LIMITS } from './template-card.limits.js';

/**
 * A WeCom `task_id` for a card: the neutral card key, with an optional suffix when the same card
 * is issued again (WeCom wants task_ids unique per app), in WeCom's charset and length.
 */
export function wecomTaskId(cardKey: string, suffix?: string): string {
  const raw = suffix ? `${cardKey}@${suffix}` : cardKey;
  const safe = raw.replace(TASK_ID_FORBIDDEN, '_');
  if (safe.length <= TEMPLATE_CARD_LIMITS.taskIdBytes) return safe;
  // Keep the suffix (what makes it unique) and cut the key.
  return safe.slice(safe.length - TEMPLATE_CARD_LIMITS.taskIdBytes);
}
