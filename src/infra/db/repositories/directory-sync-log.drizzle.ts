import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { DirectorySyncLog } from '../../../ports/directory-repository.port.js';
import type { Db } from '../client.js';
import { directorySyncs } from '../schema/index.js';

export function createDirectorySyncLog(db: Db): DirectorySyncLog {
  return {
    async start(tenantId, platform, trigger, now) {
      const id = `sync-${randomUUID()}`;
      await db
        .insert(directorySyncs)
        .values({ id, tenantId, platform, trigger, status: 'running', startedAt: now });
      return id;
    },
    async succeed(id, summary, now) {
      await db
        .update(directorySyncs)
        .set({ status: 'succeeded', summary, finishedAt: now })
        .where(eq(directorySyncs.id, id));
    },
    async fail(id, error, now) {
      await db
        .update(directorySyncs)
        .set({ status: 'failed', error: error.slice(0, 500), finishedAt: now })
        .where(eq(directorySyncs.id, id));
    },
    async recent(tenantId, limit) {
      const rows = await db
        .select()
        .from(directorySyncs)
        .where(eq(directorySyncs.tenantId, tenantId))
        .orderBy(desc(directorySyncs.startedAt))
        .limit(limit);
      return rows.map((r) => ({ ...r, summary: r.summary as Record<string, number> }));
    },
  };
}
