import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Card } from '../../../cards/card.types.js';

const PENDING = 'pending';
/** Covers handling a click inside WeCom's 5-second window. */
const PENDING_TTL_MS = 6_000;
/** Long enough for the engine's queued update of the same change to arrive. */
const SHOWN_TTL_MS = 60 * 60_000;
const POLL_MS = 50;

/**
 * The cards the API-mode bot changed in its answer to a click. Such a card has no later update
 * API, so when the engine's queued in-place update of the same change arrives, the chat platform
 * asks here whether it is already shown (and otherwise posts the card anew).
 */
export interface AnsweredCards {
  clickStarted(taskId: string): Promise<void>;
  shown(taskId: string, card: Card): Promise<void>;
  clickFailed(taskId: string): Promise<void>;
  /** Whether the click answer showed exactly `card`, once no click on it is in progress. */
  alreadyShows(taskId: string, card: Card): Promise<boolean>;
}

export function createAnsweredCards(deps: { redis: Redis; keyPrefix: string }): AnsweredCards {
  const keyOf = (taskId: string) => `${deps.keyPrefix}:wecom:answered-card:${taskId}`;
  return {
    async clickStarted(taskId) {
      await deps.redis.set(keyOf(taskId), PENDING, 'PX', PENDING_TTL_MS);
    },
    async shown(taskId, card) {
      await deps.redis.set(keyOf(taskId), digestOf(card), 'PX', SHOWN_TTL_MS);
    },
    async clickFailed(taskId) {
      await deps.redis.del(keyOf(taskId));
    },
    async alreadyShows(taskId, card) {
      const deadline = Date.now() + PENDING_TTL_MS;
      let state = await deps.redis.get(keyOf(taskId));
      while (state === PENDING && Date.now() < deadline) {
        await sleep(POLL_MS);
        state = await deps.redis.get(keyOf(taskId));
      }
      return state === digestOf(card);
    },
  };
}

/** Independent of key order: the engine's copy of a card went through a jsonb column. */
function digestOf(card: Card): string {
  return createHash('sha1').update(JSON.stringify(card, sortedKeys)).digest('hex');
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
