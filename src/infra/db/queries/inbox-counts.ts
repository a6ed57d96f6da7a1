import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.js';

/** Inbound events accepted but not yet run by the engine, and those set aside as failing. */
export interface InboxCounts {
  readonly waiting: number;
  readonly failed: number;
}

/** Both counts in one statement (for `baton queues` and `/metrics`). */
export async function countInbox(db: Db): Promise<InboxCounts> {
  const [row] = await queryRows<{ waiting: string; failed: string }>(
    db,
    sql`select count(*) filter (where failed_at is null) as waiting,
               count(*) filter (where failed_at is not null) as failed
          from inbox`,
  );
  return { waiting: Number(row?.waiting ?? 0), failed: Number(row?.failed ?? 0) };
}
