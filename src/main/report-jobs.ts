import type { Logger } from 'pino';
import { sendDailyDigests } from '../application/digest/send-daily-digests.usecase.js';
import { postWeeklyReports } from '../application/report/post-weekly-reports.usecase.js';
import type { Config } from '../infra/config/config.js';
import { tenantIds } from '../infra/db/queries/tenant-ids.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { createRunInTransaction } from '../infra/db/unit-of-work.drizzle.js';
import type { Queues } from '../infra/queue/queues.js';
import { scheduleReports, startReportWorker } from '../infra/queue/workers/report.worker.js';
import type { Infrastructure } from './infrastructure.js';

/** The weekly report and the personal daily digest: their schedule and their worker. */
export async function startReportJobs(
  config: Config,
  infra: Infrastructure,
  queues: Queues,
  logger: Logger,
  afterCommit: () => void,
  now: () => Date = () => new Date(),
) {
  const { db } = infra.database;
  const deps = {
    runInTransaction: createRunInTransaction(db, afterCommit),
    orgStore: createOrgStore(db),
    tenantIds: () => tenantIds(db),
    now,
  };
  await scheduleReports(queues, { timezone: config.timezone, ...config.schedule });
  return startReportWorker({
    connection: infra.redis,
    queuePrefix: config.redis.prefix,
    logger: logger.child({ component: 'reports' }),
    weeklyReport: () => postWeeklyReports(deps),
    dailyDigest: () => sendDailyDigests({ ...deps, publicUrl: config.http.publicUrl }),
  });
}
