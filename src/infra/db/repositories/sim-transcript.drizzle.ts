import { desc, eq, sql } from 'drizzle-orm';
import type { OutboundMessage } from '../../../ports/chat-platform.port.js';
import type { SimTranscript, SimTranscriptEntry } from '../../../ports/sim-transcript.port.js';
import type { Db } from '../client.js';
import { simMessages } from '../schema/index.js';

function toEntry({ deliveryKey: _, ...row }: typeof simMessages.$inferSelect): SimTranscriptEntry {
  return { ...row, body: row.body as OutboundMessage };
}

export function createSimTranscript(db: Db): SimTranscript {
  return {
    async append(entry, options) {
      const deliveryKey = options?.idempotencyKey ?? null;
      const [row] = await db
        .insert(simMessages)
        .values({ ...entry, deliveryKey })
        .onConflictDoNothing({ target: simMessages.deliveryKey })
        .returning();
      if (row) return toEntry(row);
      const [first] = deliveryKey
        ? await db.select().from(simMessages).where(eq(simMessages.deliveryKey, deliveryKey))
        : [];
      if (!first) throw new Error('sim message insert returned nothing');
      return toEntry(first);
    },
    async replaceBody(id, body) {
      const [row] = await db
        .update(simMessages)
        .set({ body, updatedAt: sql`now()` })
        .where(eq(simMessages.id, id))
        .returning();
      return row ? toEntry(row) : null;
    },
    async list(conversation, limit) {
      const rows = await db
        .select()
        .from(simMessages)
        .where(eq(simMessages.conversation, conversation))
        .orderBy(desc(simMessages.id))
        .limit(limit);
      return rows.reverse().map(toEntry);
    },
  };
}
