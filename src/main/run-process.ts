import closeWithGrace from 'close-with-grace';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { resolveAdminToken } from '../infra/config/admin-token.js';
import type { Config } from '../infra/config/config.js';
import { countInbox } from '../infra/db/queries/inbox-counts.js';
import { createKpiSource } from '../infra/db/queries/kpi-source.drizzle.js';
import { createDirectorySyncLog } from '../infra/db/repositories/directory-sync-log.drizzle.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { createSimTranscript } from '../infra/db/repositories/sim-transcript.drizzle.js';
import { createAdmission } from '../infra/http/admission.js';
import { buildApp } from '../infra/http/app.js';
import { registerDatabaseMetrics } from '../infra/metrics/db-metrics.js';
import { instrumentInbound } from '../infra/metrics/instrumented-inbound.js';
import { createMetrics, type Metrics } from '../infra/metrics/metrics.js';
import { cachedOrgStore } from '../infra/org/org-cache.js';
import { createOutboxWakeupPublisher } from '../infra/outbox/outbox-wakeup.js';
import { jobId } from '../infra/queue/job-ids.js';
import { QUEUE_NAMES } from '../infra/queue/queue-names.js';
import { createQueues, type Queues } from '../infra/queue/queues.js';
import { createSimEventPublisher, subscribeSimEvents } from '../infra/sim/sim-events.js';
import type { InboundHandler } from '../ports/inbound-handler.port.js';
import { createInboundHandler } from './inbound.js';
import { type Infrastructure, openInfrastructure, StartupError } from './infrastructure.js';
import { bootstrapOrg, bootstrapSandboxOrg } from './org-bootstrap.js';
import type { Closable, PlatformModule } from './platform-module.js';
import { createPlatformModules } from './platform-modules.js';
import { DEFAULT_TENANT_ID, type SimulatorSetup, simulatorSetup } from './simulator.js';
import { startupBanner } from './startup-banner.js';
import { noProgress, type StartupProgress } from './startup-progress.js';
import { loadTemplates } from './templates.js';
import { startWorkers } from './workers.js';

/**
 * The simulator's admission limits (src/infra/http/admission.ts): accepts in flight per process,
 * and the inbox backlog (every platform's events) past which it refuses until workers catch up.
 * 500 waiting commands are 8-12 s of the engine's work on 2 vCPU (docs/BENCHMARKS.md): longer
 * than that, a person at the simulator had better be told to wait than see nothing happen.
 */
const SIM_ADMISSION = {
  maxInFlight: 256,
  maxBacklog: 500,
  deadlineMs: 3_000,
  backlogMaxAgeMs: 500,
} as const;

/**
 * The platform callbacks' admission limits: far above any real load, so that only overload
 * meets them, and then answered 503 at once (WeCom sends the callback again later) instead of
 * piling up sockets and bodies. 5,000 inbox events are several seconds to a minute of the
 * engine's work. The routes bound their own waits within this (the bot's passive replies).
 */
const PLATFORM_ADMISSION = {
  maxInFlight: 1_024,
  maxBacklog: 5_000,
  deadlineMs: 5_000,
  backlogMaxAgeMs: 500,
} as const;

export type ProcessMode = 'all' | 'serve' | 'worker';

/** Starts Baton in one of its modes and keeps it running until SIGTERM/SIGINT. */
export async function runProcess(
  mode: ProcessMode,
  config: Config,
  logger: Logger,
  progress: StartupProgress = noProgress,
): Promise<void> {
  if (mode !== 'all' && config.db.url === null) {
    throw new StartupError(
      `\`baton ${mode}\` runs beside other Baton processes and needs a shared PostgreSQL: set ` +
        'DATABASE_URL. The embedded database (PGlite) serves a single `baton all` process.',
    );
  }
  const infra = await openInfrastructure(config, logger, progress);
  const queues = createQueues(infra.redis, config.redis.prefix);
  const metrics = createMetrics();
  let app: FastifyInstance | null = null;
  let workers: Awaited<ReturnType<typeof startWorkers>> | null = null;
  let sim: Awaited<ReturnType<typeof subscribeSimEvents>> | null = null;
  let modules: PlatformModule[] = [];
  const receivers: Closable[] = [];
  const stop = async () => {
    for (const receiver of receivers) await receiver.close();
    await app?.close();
    await sim?.close();
    await workers?.close();
    for (const module of modules) await module.close();
    await queues.close();
    await infra.close();
  };
  try {
    await bootstrapOrg(config, infra.database.db, logger, progress);
    modules = await createPlatformModules({ config, env: process.env, infra, logger });
    const simulator = simulatorSetup(config.simulator.mode, modules);
    if (simulator.enabled && simulator.tenantId !== DEFAULT_TENANT_ID)
      await bootstrapSandboxOrg(config, infra.database.db, logger);
    for (const module of modules) module.registerMetrics?.(metrics.registry);
    if (mode !== 'serve') {
      progress('启动后台任务…');
      workers = await startWorkers(config, infra, queues, logger, modules);
    }
    if (mode !== 'worker') {
      progress('启动网页服务…');
      sim = await subscribeSimEvents(infra.redis, config.redis.prefix, logger);
      const inbound = instrumentInbound(
        createInboundHandler(
          config,
          infra,
          workers
            ? () => workers?.poke()
            : createOutboxWakeupPublisher(infra.redis, config.redis.prefix, logger),
          { simTenantId: simulator.tenantId, logger },
        ),
        metrics,
      );
      const platformRoutes = modules.flatMap((m) => (m.routes ? [m.routes(inbound)] : []));
      app = await startHttp(
        config,
        infra,
        queues,
        {
          inbound,
          simulator,
          simEvents: sim.events,
          platformRoutes,
          metrics,
          directorySync: modules.some((m) => m.contacts),
        },
        logger,
      );
      for (const module of modules)
        if (module.startInbound) receivers.push(await module.startInbound(inbound));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  // In order: stop taking requests, let jobs in flight finish, then close Redis and the database.
  closeWithGrace({ delay: 10_000, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down');
    await stop();
  });
}

async function startHttp(
  config: Config,
  infra: Infrastructure,
  queues: Queues,
  engine: {
    inbound: InboundHandler;
    simulator: SimulatorSetup;
    simEvents: NodeJS.EventEmitter;
    platformRoutes: readonly FastifyPluginAsync[];
    metrics: Metrics;
    /** Whether a platform with contacts is configured (the console's sync button). */
    directorySync: boolean;
  },
  logger: Logger,
) {
  const admin = resolveAdminToken(config.adminToken, config.db.dataDir);
  const orgStore = cachedOrgStore(infra.database.db, createOrgStore(infra.database.db));
  const inboxBacklog = async () => (await countInbox(infra.database.db)).waiting;
  const templates = loadTemplates(config);
  registerDatabaseMetrics(engine.metrics, infra.database.db);
  const app = await buildApp({
    logger,
    adminToken: admin.token,
    metrics: engine.metrics,
    kpis: {
      kpiSource: createKpiSource(infra.database.db),
      orgStore,
      tenantId: 'default',
      now: () => new Date(),
      templates,
    },
    orgStore,
    platformAdmission: createAdmission({
      limits: PLATFORM_ADMISSION,
      backlog: inboxBacklog,
    }),
    ...(engine.simulator.enabled
      ? {
          sim: {
            tenantId: engine.simulator.tenantId,
            orgStore,
            transcript: createSimTranscript(infra.database.db),
            inbound: engine.inbound,
            admission: createAdmission({
              limits: SIM_ADMISSION,
              backlog: inboxBacklog,
            }),
            events: engine.simEvents,
            onChange: createSimEventPublisher(infra.redis, config.redis.prefix, logger),
          },
        }
      : {}),
    console: {
      db: infra.database.db,
      tenantId: 'default',
      orgStore,
      publicUrl: config.http.publicUrl,
      templates,
    },
    directory: {
      db: infra.database.db,
      tenantId: 'default',
      syncLog: createDirectorySyncLog(infra.database.db),
      // Clicks within a minute make one job; a worker runs it.
      requestSync: engine.directorySync
        ? async () => {
            const minute = Math.floor(Date.now() / 60_000);
            await queues.add(
              'directory-sync',
              { version: 1, trigger: 'console' },
              { jobId: jobId('directory-sync', 'console', minute) },
            );
          }
        : null,
    },
    queues: Object.values(QUEUE_NAMES).map((name) => queues.queue(name)),
    platformRoutes: engine.platformRoutes,
    readinessChecks: [
      { name: 'database', check: () => infra.database.ping() },
      { name: 'redis', check: async () => void (await infra.redis.ping()) },
    ],
  });
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.info(
    {
      url: config.http.publicUrl,
      tokenSource: admin.source,
      simulator: engine.simulator.enabled ? engine.simulator.tenantId : 'off',
    },
    'Baton is serving',
  );
  // Not through the logger: the links may carry the admin token, which no log line may hold.
  process.stdout.write(
    startupBanner({
      publicUrl: config.http.publicUrl,
      admin,
      toTerminal: process.stdout.isTTY === true,
      simulatorMode: config.simulator.mode,
      simulator: engine.simulator,
    }),
  );
  return app;
}
