import { sql } from 'drizzle-orm';
import { eventIdOf, type InboundEvent } from '../../ports/inbound-event.types.js';
import { type Db, queryRows } from '../db/client.js';

/** Whether an accepted event was new, or already waiting in the inbox or handled. */
export interface Accepted {
  readonly duplicate: boolean;
}

export interface InboxWriter {
  /** Resolves once the event is committed to the inbox; rejects when Postgres cannot take it. */
  accept(event: InboundEvent): Promise<Accepted>;
}

interface Waiting {
  readonly event: InboundEvent;
  readonly eventId: string;
  readonly key: string;
  resolve(accepted: Accepted): void;
  reject(err: unknown): void;
}

/** Most events one insert carries; the rest go in the next. */
const MAX_BATCH = 500;

/**
 * Group commit: events arriving while an insert is on its way wait for the next one, so under
 * load one round trip and one WAL flush carry hundreds of callbacks, and when idle an event is
 * written at once. Events already handled (`inbound_messages`) or already waiting are refused
 * as duplicates in the same statement.
 */
export function createInboxWriter(deps: {
  db: Db;
  onAccepted: () => void;
  /** Inserts on their way at once (each a pool connection). */
  inFlight?: number;
}): InboxWriter {
  const lanes = deps.inFlight ?? 2;
  let waiting: Waiting[] = [];
  let busy = 0;
  let scheduled = false;

  function pump(): void {
    scheduled = false;
    while (busy < lanes && waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      busy += 1;
      void commit(batch).finally(() => {
        busy -= 1;
        pump();
      });
    }
  }

  async function commit(batch: readonly Waiting[]): Promise<void> {
    let inserted: Set<string>;
    try {
      inserted = await insertNew(deps.db, batch);
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    const answered = new Set<string>();
    for (const w of batch) {
      // The first of a key in the batch took the row; later copies are redeliveries.
      const isNew = inserted.has(w.key) && !answered.has(w.key);
      answered.add(w.key);
      w.resolve({ duplicate: !isNew });
    }
    if (inserted.size > 0) deps.onAccepted();
  }

  return {
    accept(event) {
      return new Promise<Accepted>((resolve, reject) => {
        const eventId = eventIdOf(event).replaceAll('\u0000', '');
        waiting.push({ event, eventId, key: keyOf(event.platform, eventId), resolve, reject });
        if (scheduled || busy >= lanes) return;
        scheduled = true;
        // Callbacks parsed in the same turn of the event loop share an insert.
        setImmediate(pump);
      });
    },
  };
}

function keyOf(platform: string, eventId: string): string {
  return `${platform}\u0000${eventId}`;
}

async function insertNew(db: Db, batch: readonly Waiting[]): Promise<Set<string>> {
  // One JSON document for the whole batch: Postgres parses it once, with no array-literal
  // escaping of every event.
  const values = JSON.stringify(
    batch.map((w) => ({ platform: w.event.platform, eventId: w.eventId, event: w.event })),
    withoutNul,
  );
  const rows = await queryRows<{ platform: string; event_id: string }>(
    db,
    sql`insert into inbox (platform, event_id, event)
        select v->>'platform', v->>'eventId', v->'event'
        from jsonb_array_elements(${values}::jsonb) as v
        where not exists (
          select 1 from inbound_messages m
          where m.platform = v->>'platform' and m.message_id = v->>'eventId')
        on conflict (platform, event_id) do nothing
        returning platform, event_id`,
  );
  return new Set(rows.map((r) => keyOf(r.platform, r.event_id)));
}

/** jsonb cannot hold NUL; a platform's stray one is dropped (as the engine drops it). */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '') : value;
}
