import { and, asc, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import { createWorkLoop, type WorkLoop } from '../work-loop.js';

/**
 * Moves a relay pass's rows of one topic, in the order they were written, to their queue; must
 * be idempotent by `key` (a row may be relayed twice after a crash). Database reads go through
 * `tx`, the relay's own transaction (see node-planner.ts).
 */
export type OutboxHandler = (
  rows: readonly { readonly payload: unknown; readonly key: string }[],
  tx: Db,
) => Promise<void>;

/** Relays continuously from `start()`; `poke()` right after a transaction wrote outbox rows. */
export interface OutboxRelay extends WorkLoop {
  /** Relays up to `limit` waiting rows; resolves with how many were moved. */
  relayOnce(limit?: number): Promise<number>;
}

const KEEP_RELAYED_MS = 24 * 3600 * 1000;

export function createOutboxRelay(deps: {
  db: Db;
  handlers: Readonly<Record<string, OutboxHandler>>;
  logger: Logger;
  idleMs?: number;
}): OutboxRelay {
  const idleMs = deps.idleMs ?? 500;

  async function relayOnce(limit = 200): Promise<number> {
    return deps.db.transaction(async (tx) => {
      // SKIP LOCKED: several relays (one per worker process) share the rows without waiting.
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.relayedAt))
        .orderBy(asc(outbox.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      // A topic's rows go together: one Redis round trip and one plan read per pass, not per row.
      for (const [topic, ofTopic] of byTopic(rows)) {
        const handler = deps.handlers[topic];
        if (!handler) throw new Error(`no outbox handler for topic "${topic}"`);
        await handler(ofTopic, tx);
      }
      if (rows.length > 0) {
        await tx
          .update(outbox)
          .set({ relayedAt: sql`now()` })
          .where(
            inArray(
              outbox.id,
              rows.map((r) => r.id),
            ),
          );
      }
      return rows.length;
    });
  }

  async function pruneRelayed(): Promise<void> {
    await deps.db
      .delete(outbox)
      .where(
        and(
          isNotNull(outbox.relayedAt),
          lt(outbox.relayedAt, new Date(Date.now() - KEEP_RELAYED_MS)),
        ),
      );
  }

  let passes = 0;
  const loop = createWorkLoop({
    pass: async () => {
      const moved = await relayOnce();
      if (++passes % 1000 === 0) await pruneRelayed();
      return moved;
    },
    idleMs,
    logger: deps.logger,
    failure: 'outbox relay pass failed; rows wait',
  });
  return { relayOnce, ...loop };
}

function byTopic<Row extends { readonly topic: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.topic);
    if (group) group.push(row);
    else groups.set(row.topic, [row]);
  }
  return groups;
}
