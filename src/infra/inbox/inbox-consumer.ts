import { inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { InboundEvent } from '../../ports/inbound-event.types.js';
import { type Db, queryRows } from '../db/client.js';
import { inbox } from '../db/schema/index.js';
import { createWorkLoop, type WorkLoop } from '../work-loop.js';
import { readInboxEvent } from './inbox-event.schema.js';

/** Runs events continuously from `start()`; `poke()` after a callback route accepted some. */
export interface InboxConsumer extends WorkLoop {
  /** Claims and runs up to `limit` waiting events; resolves with how many ran. */
  consumeOnce(limit?: number): Promise<number>;
}

interface ClaimedRow {
  readonly id: number;
  readonly event: unknown;
  readonly attempts: number;
}

interface ReadRow {
  readonly id: number;
  readonly attempts: number;
  readonly event: InboundEvent;
}

/** A claimed event not yet run, and until when this consumer holds it (its own clock). */
interface HeldRow extends ReadRow {
  readonly heldUntil: number;
}

/** Claims after which an event is set aside as failed (a bug, not an outage: see docs). */
const MAX_ATTEMPTS = 5;

/** A held event is retried by its holder only while its claim has this much time left. */
const CLAIM_MARGIN_MS = 2_000;

/**
 * Runs the inbox through the engine. Rows are claimed for `claimMs` with SKIP LOCKED, so
 * several workers share them; a conversation's events run one after another in arrival order,
 * different conversations side by side. A row is deleted once the engine committed it. A failed
 * one (Postgres away) is retried by the same consumer at each pass while its claim holds, so it
 * runs soon after an outage; afterwards any consumer may claim it again.
 */
export function createInboxConsumer(deps: {
  db: Db;
  handle: (event: InboundEvent) => Promise<unknown>;
  logger: Logger;
  idleMs?: number;
  claimMs?: number;
  /** Conversations run at once (each an engine transaction on the pool). */
  concurrency?: number;
}): InboxConsumer {
  const idleMs = deps.idleMs ?? 500;
  const claimMs = deps.claimMs ?? 15_000;
  const concurrency = deps.concurrency ?? 4;
  /** Events this consumer claimed and has not run yet (their runs failed). */
  let held: HeldRow[] = [];

  async function claim(limit: number): Promise<ClaimedRow[]> {
    const rows = await queryRows<ClaimedRow>(
      deps.db,
      sql`update inbox set claimed_until = now() + ${claimMs} * interval '1 millisecond',
                           attempts = attempts + 1
          where id in (
            select id from inbox
            where failed_at is null and (claimed_until is null or claimed_until < now())
            order by id limit ${limit}
            for update skip locked)
          returning id, event, attempts`,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
  }

  async function setAside(rows: readonly ClaimedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await deps.db
      .update(inbox)
      .set({ failedAt: sql`now()` })
      .where(
        inArray(
          inbox.id,
          rows.map((r) => r.id),
        ),
      );
    for (const row of rows) {
      deps.logger.error(
        { inboxId: row.id, attempts: row.attempts },
        'inbound event failed every run; set aside in the inbox (see `baton queues`)',
      );
    }
  }

  /** Runs one conversation's events in order; stops at the first failure to keep the order. */
  async function runConversation(rows: readonly HeldRow[], done: Set<number>): Promise<void> {
    for (const row of rows) {
      try {
        await deps.handle(row.event);
        done.add(row.id);
      } catch (err) {
        const retried = held.some((h) => h.id === row.id);
        // Logged once per claim: during an outage the retries would flood the log.
        if (!retried) {
          deps.logger.warn(
            { inboxId: row.id, attempt: row.attempts, err: (err as Error).message },
            'inbound event failed; it is run again',
          );
        }
        return;
      }
    }
  }

  async function consumeOnce(limit = 100): Promise<number> {
    const carried = held.filter((h) => h.heldUntil - Date.now() > CLAIM_MARGIN_MS);
    const heldUntil = Date.now() + claimMs;
    const claimed = await claim(limit);
    const { runnable, unrunnable } = sortOut(claimed);
    await setAside(unrunnable);
    const rows = [...carried, ...runnable.map((r) => ({ ...r, heldUntil }))].sort(
      (a, b) => a.id - b.id,
    );
    if (rows.length === 0) return 0;
    const done = new Set<number>();
    const queue = [...byConversation(rows).values()];
    const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        await runConversation(group, done);
      }
    });
    await Promise.all(lanes);
    held = rows.filter((r) => !done.has(r.id));
    // Not deleted (Postgres away again): they run again later, and the engine acts once.
    if (done.size > 0) await deps.db.delete(inbox).where(inArray(inbox.id, [...done]));
    return done.size;
  }

  const loop = createWorkLoop({
    pass: () => consumeOnce(),
    idleMs,
    logger: deps.logger,
    failure: 'inbox pass failed; events wait',
  });
  return { consumeOnce, ...loop };
}

/** Claimed rows to run, and those past their last attempt or unreadable (set aside). */
function sortOut(claimed: readonly ClaimedRow[]): {
  runnable: ReadRow[];
  unrunnable: ClaimedRow[];
} {
  const runnable: ReadRow[] = [];
  const unrunnable: ClaimedRow[] = [];
  for (const row of claimed) {
    const read =
      row.attempts <= MAX_ATTEMPTS ? readInboxEvent(row.event) : ({ success: false } as const);
    if (read.success) runnable.push({ id: row.id, attempts: row.attempts, event: read.data });
    else unrunnable.push(row);
  }
  return { runnable, unrunnable };
}

/** Events grouped by where they were said (or who said them, in private), in claimed order. */
function byConversation(rows: readonly HeldRow[]): Map<string, HeldRow[]> {
  const groups = new Map<string, HeldRow[]>();
  for (const row of rows) {
    const { event } = row;
    const where =
      event.type === 'message'
        ? event.chat.chatId
        : (event.chat?.chatId ?? event.user.platformUserId);
    const key = `${event.platform}:${where}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
