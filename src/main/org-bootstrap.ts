import { count, ne } from 'drizzle-orm';
import type { Logger } from 'pino';
import { yearsWithoutSchedule } from '../domain/calendar/official-schedule.models.js';
import type { Config } from '../infra/config/config.js';
import type { Db } from '../infra/db/client.js';
import { importOrgFile } from '../infra/db/repositories/org-import.drizzle.js';
import { tenants } from '../infra/db/schema/index.js';
import { readOrgFile } from '../infra/org/org-file.parser.js';
import { loadTenantCalendars } from '../infra/org/tenant-calendars.js';
import { SAMPLE_ORG_FILE } from '../infra/project-paths.js';
import { StartupError } from './infrastructure.js';
import { SANDBOX_TENANT_ID, sandboxOrgFile } from './simulator.js';
import { noProgress, type StartupProgress } from './startup-progress.js';

/**
 * At start: loads BATON_ORG_FILE when set (idempotent); on an empty database without one, loads
 * the sample organisation so the simulator has people and chats to show.
 */
export async function bootstrapOrg(
  config: Config,
  db: Db,
  logger: Logger,
  progress: StartupProgress = noProgress,
): Promise<void> {
  await loadOrg(config, db, logger, progress);
  await warnOfUnloadedSchedules(db, logger);
}

async function loadOrg(
  config: Config,
  db: Db,
  logger: Logger,
  progress: StartupProgress,
): Promise<void> {
  if (config.orgFile) {
    progress(`载入组织文件 ${config.orgFile}…`);
    const file = await readOrgFile(config.orgFile);
    if (file.tenant.id === SANDBOX_TENANT_ID) {
      throw new StartupError(
        `${config.orgFile}: the tenant id "${SANDBOX_TENANT_ID}" is the simulator's own; choose another.`,
      );
    }
    const summary = await importOrgFile(db, file);
    logger.info({ file: config.orgFile, ...summary }, 'org file loaded');
    return;
  }
  // The sandbox does not count: a deployment whose only organisation is the sandbox has none.
  const [row] = await db
    .select({ n: count() })
    .from(tenants)
    .where(ne(tenants.id, SANDBOX_TENANT_ID));
  if ((row?.n ?? 0) > 0) return;
  progress('载入示例组织…');
  const summary = await importOrgFile(db, await readOrgFile(SAMPLE_ORG_FILE));
  logger.info(
    { file: SAMPLE_ORG_FILE, tenantId: summary.tenantId },
    'no BATON_ORG_FILE set and no organisation yet: loaded the sample organisation',
  );
}

/**
 * Beside a real platform the simulator acts in a sandbox organisation of its own, loaded at
 * every start (idempotent) from BATON_SIMULATOR_ORG_FILE or the sample org.
 */
export async function bootstrapSandboxOrg(config: Config, db: Db, logger: Logger): Promise<void> {
  const path = config.simulator.orgFile ?? SAMPLE_ORG_FILE;
  const summary = await importOrgFile(db, sandboxOrgFile(await readOrgFile(path)));
  logger.info({ file: path, ...summary }, 'simulator sandbox organisation loaded');
}

/**
 * Names this year and next when the State Council's schedule of either is not loaded:
 * deadlines there skip the statutory holidays but know no bridging days or 调休.
 */
async function warnOfUnloadedSchedules(db: Db, logger: Logger): Promise<void> {
  const thisYear = new Date().getFullYear();
  for (const { tenantId, calendar } of await loadTenantCalendars(db)) {
    const years = yearsWithoutSchedule(calendar, [thisYear, thisYear + 1]);
    if (years.length === 0) continue;
    logger.warn(
      { tenantId, years },
      `no State Council holiday schedule loaded for ${years.join(', ')}: deadlines there follow the statutory holidays only; add it with \`baton calendar import <file>\` or the org file's calendar: (see calendars/README.md)`,
    );
  }
}
