import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
} from 'fastify';
import type { Logger } from 'pino';
import type { OrgStore } from '../../ports/org-store.port.js';
import { serializeReply, serializeRequest } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { requireAdminToken } from './admin-auth.js';
import { type Admission, admissionGate } from './admission.js';
import { handleHttpError } from './error-handler.js';
import { DebugRequestLog } from './request-log.js';
import { consoleRoutes } from './routes/console.route.js';
import { type ConsoleRouteDeps, consoleApiRoutes } from './routes/console-api.route.js';
import {
  type ConsoleDirectoryDeps,
  consoleDirectoryRoutes,
} from './routes/console-directory.route.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.route.js';
import { type KpiRouteDeps, kpiRoutes } from './routes/kpis.route.js';
import { metricsRoutes, observeRequestDurations } from './routes/metrics.route.js';
import { orgRoutes } from './routes/org.route.js';
import { queuesDashboardRoutes } from './routes/queues-dashboard.route.js';
import { type SimRouteDeps, simRoutes } from './routes/sim.route.js';

export interface AppDeps {
  /** The process logger (pretty on a terminal); each request logs through a child of it. */
  readonly logger: Logger;
  readonly adminToken: string;
  readonly metrics: Metrics;
  readonly readinessChecks: readonly ReadinessCheck[];
  readonly orgStore: OrgStore;
  /** Queues shown on the admin dashboard (bull-board). */
  readonly queues: readonly Queue[];
  /**
   * The chat simulator, behind the admin token (whoever uses it acts as anyone they name); left
   * out when it is off (a real platform is configured, see src/main/simulator.ts) and by
   * single-route tests.
   */
  readonly sim?: SimRouteDeps;
  /** The console at `/` and its JSON API (behind the admin token); left out by single-route tests. */
  readonly console?: ConsoleRouteDeps;
  /** The console's directory view and sync button; left out by single-route tests. */
  readonly directory?: ConsoleDirectoryDeps;
  /** `GET /api/kpis` (JSON and CSV), behind the admin token; left out by single-route tests. */
  readonly kpis?: KpiRouteDeps;
  /** Chat platforms' callback routes; each verifies its own signatures (no admin token). */
  readonly platformRoutes?: readonly FastifyPluginAsync[];
  /** Bounds the platform callbacks in flight and the work waiting behind them (503 past it). */
  readonly platformAdmission?: Admission;
}

/** Callbacks are small; 1 MiB is far above any real one and bounds what a client can make us parse. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP application; the caller decides whether and where it listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = deps.logger.child(
    {},
    { serializers: { req: serializeRequest, res: serializeReply } },
  );
  const app = Fastify({
    loggerInstance: logger,
    logController: new DebugRequestLog(),
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  app.setErrorHandler(handleHttpError);
  observeRequestDurations(app, deps.metrics);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(metricsRoutes, { metrics: deps.metrics });
  await app.register(healthRoutes, { checks: deps.readinessChecks });
  await app.register(async (platform) => {
    const admission = deps.platformAdmission;
    if (admission) platform.addHook('onRequest', admissionGate(admission));
    for (const routes of deps.platformRoutes ?? []) await platform.register(routes);
  });
  await app.register(async (api) => {
    api.addHook('onRequest', requireAdminToken(deps.adminToken));
    if (deps.sim) await api.register(simRoutes, deps.sim);
    await api.register(orgRoutes, { orgStore: deps.orgStore });
    await api.register(queuesDashboardRoutes, { queues: deps.queues });
    if (deps.kpis) await api.register(kpiRoutes, deps.kpis);
    if (deps.console) {
      await api.register(consoleRoutes);
      await api.register(consoleApiRoutes, deps.console);
    }
    if (deps.directory) await api.register(consoleDirectoryRoutes, deps.directory);
  });
  return app;
}
