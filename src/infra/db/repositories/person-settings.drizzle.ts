import { and, eq } from 'drizzle-orm';
import type { PersonSettingsRepository } from '../../../ports/unit-of-work.port.js';
import type { Tx } from '../client.js';
import { personSettings } from '../schema/index.js';

export function createPersonSettingsRepository(tx: Tx): PersonSettingsRepository {
  return {
    async setDailyDigest(tenantId, personId, enabled) {
      await tx
        .insert(personSettings)
        .values({ tenantId, personId, dailyDigest: enabled })
        .onConflictDoUpdate({
          target: [personSettings.tenantId, personSettings.personId],
          set: { dailyDigest: enabled, updatedAt: new Date() },
        });
    },
    async digestOptOuts(tenantId) {
      const rows = await tx
        .select({ personId: personSettings.personId })
        .from(personSettings)
        .where(and(eq(personSettings.tenantId, tenantId), eq(personSettings.dailyDigest, false)));
      return new Set(rows.map((r) => r.personId));
    },
  };
}
