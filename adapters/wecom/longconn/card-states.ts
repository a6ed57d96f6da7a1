import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Card } from '../../../cards/card.types.js';
import type { LongConnectionKeys } from './keys.js';

/** Set while a click is being handled: the window reply is not sent yet. */
const PENDING = 'pending';
/** Covers handling the click and the SDK's 5-second wait for the update's ack. */
const PENDING_TTL_MS = 8_000;
/** Long enough for the engine's queued update of the same change to arrive. */
const SHOWN_TTL_MS = 60 * 60_000;
const POLL_MS = 50;

/**
 * A digest of a neutral card that does not depend on key order: the engine's copy of a card has
 * been through a jsonb column, which reorders object keys.
 */
export function cardDigest(card: Card): string {
  return createHash('sha1').update(JSON.stringify(card, sortedKeys)).digest('hex');
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/**
 * What a long-connection card was changed to inside a click's 5-second window. A card can only
 * change there (WeCom has no later update for these cards), so when the engine's queued update
 * of the same change arrives, this tells the chat platform it is already shown.
 */
export function createCardStates(redis: Redis, keys: LongConnectionKeys) {
  return {
    async clickStarted(taskId: string): Promise<void> {
      await redis.set(keys.card(taskId), PENDING, 'PX', PENDING_TTL_MS);
    },
    async shown(taskId: string, digest: string): Promise<void> {
      await redis.set(keys.card(taskId), digest, 'PX', SHOWN_TTL_MS);
    },
    async clickFailed(taskId: string): Promise<void> {
      await redis.del(keys.card(taskId));
    },
    /** The digest the card was last changed to, once no click on it is in progress. */
    async settled(taskId: string): Promise<string | null> {
      const deadline = Date.now() + PENDING_TTL_MS;
      for (;;) {
        const state = await redis.get(keys.card(taskId));
        if (state !== PENDING || Date.now() > deadline) return state === PENDING ? null : state;
        await sleep(POLL_MS);
      }
    },
  };
}

export type CardStates = ReturnType<typeof createCardStates>;
