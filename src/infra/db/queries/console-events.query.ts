import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { events } from '../schema/index.js';

/** A task's audit trail is short (tens of entries); this bounds a pathological one. */
const EVENT_LIMIT = 2000;

export interface ConsoleEvent {
  readonly id: number;
  readonly type: string;
  readonly nodeId: string | null;
  readonly actorId: string | null;
  readonly source: string;
  readonly data: unknown;
  readonly createdAt: Date;
}

/** A task's full event log (seed 000 FAQ 1: who did what, when, through which channel), oldest first. */
export function findTaskEvents(db: Db, tenantId: string, taskId: string): Promise<ConsoleEvent[]> {
  return db
    .select({
      id: events.id,
      type: events.type,
      nodeId: events.nodeId,
      actorId: events.actorId,
      source: events.source,
      data: events.data,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.taskId, taskId)))
    .orderBy(asc(events.id))
    .limit(EVENT_LIMIT);
}
