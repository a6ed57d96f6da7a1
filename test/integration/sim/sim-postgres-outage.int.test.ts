import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/infra/config/config.js';
import { type Database, openDatabase } from '../../../src/infra/db/client.js';
import { runMigrations } from '../../../src/infra/db/migrate.js';
import { countInbox } from '../../../src/infra/db/queries/inbox-counts.js';
import { importOrgFile } from '../../../src/infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { createSimTranscript } from '../../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { createAdmission } from '../../../src/infra/http/admission.js';
import { buildApp } from '../../../src/infra/http/app.js';
import {
  createInboxConsumer,
  type InboxConsumer,
} from '../../../src/infra/inbox/inbox-consumer.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import { readOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { createInboundHandler } from '../../../src/main/inbound.js';
import {
  createPrivateDatabase,
  type PrivatePostgres,
  startPrivatePostgres,
} from '../../helpers/private-postgres.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const TOKEN = 'sim-outage-admin-token-0123456789';
/** Commands in the burst, one every INTERVAL_MS; PostgreSQL goes away after OUTAGE_AT_MS. */
const BURST = 40;
const INTERVAL_MS = 40;
const OUTAGE_AT_MS = 500;
const DOWN_MS = 1_500;
/** No answer may take longer than this (the admission deadline is 3 s). */
const ANSWER_WITHIN_MS = 4_000;

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly ms: number;
}

/**
 * The simulator's message route, as `baton all` wires it (admission, durable inbox, a consumer
 * running the engine), on a PostgreSQL cluster of the test's own that is stopped mid-burst and
 * started again. While it is away every message is answered 503 with Retry-After, quickly; then,
 * as the page does, each refused message is sent again with the same client id until taken.
 * Every message then made exactly one task: nothing accepted is lost, no retry runs twice.
 */
describe('simulator messages while PostgreSQL is away', () => {
  let server: PrivatePostgres;
  let database: Database;
  let redis: Redis;
  let consumer: InboxConsumer;
  let app: FastifyInstance;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    const url = await createPrivateDatabase(server, 'baton');
    database = await openDatabase({ url, dataDir: '', logger: silentLogger });
    await runMigrations(database);
    await importOrgFile(database.db, await readOrgFile('test/fixtures/org/fast-ladder.yaml'));
    redis = await connectTestRedis();
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const infra = { database, redis, redisUrl: '', close: async () => undefined };
    const inbound = createInboundHandler(config, infra, () => consumer.poke());
    consumer = createInboxConsumer({
      db: database.db,
      handle: (event) => inbound.handle(event),
      logger: silentLogger,
      idleMs: 100,
    });
    consumer.start();
    const orgStore = createOrgStore(database.db);
    app = await buildApp({
      logger: silentLogger,
      adminToken: TOKEN,
      metrics: createMetrics(),
      orgStore,
      queues: [],
      readinessChecks: [],
      sim: {
        tenantId: 'default',
        orgStore,
        transcript: createSimTranscript(database.db),
        inbound,
        admission: createAdmission({
          limits: { maxInFlight: 256, maxBacklog: 2_000, deadlineMs: 3_000, backlogMaxAgeMs: 500 },
          backlog: async () => (await countInbox(database.db)).waiting,
        }),
        events: new EventEmitter(),
        onChange: () => undefined,
      },
    });
  }, 90_000);
  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
    await database?.close();
    redis?.disconnect();
    await server?.destroy();
  });

  const say = async (i: number): Promise<Answer> => {
    const started = Date.now();
    const res = await app.inject({
      method: 'POST',
      url: '/sim/api/messages',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: {
        conversation: `room-${i % 5}`,
        personId: 'zhengyi',
        text: `/任务 停机${i}\n处理 @张三 1小时内`,
        clientId: `outage-${i}`,
      },
    });
    return {
      status: res.statusCode,
      retryAfter: res.headers['retry-after']?.toString() ?? null,
      ms: Date.now() - started,
    };
  };

  it('answers 503 with Retry-After while it is away, and loses nothing it took', async ({
    annotate,
  }) => {
    const burst = Array.from({ length: BURST }, async (_, i) => {
      await sleep(i * INTERVAL_MS);
      return say(i);
    });
    await sleep(OUTAGE_AT_MS);
    await server.stop('fast');
    const whileDown = await Promise.all(Array.from({ length: 5 }, (_, i) => say(BURST + i)));
    await sleep(DOWN_MS);
    await server.start();
    const first = [...(await Promise.all(burst)), ...whileDown];

    for (const answer of first) {
      expect([202, 503]).toContain(answer.status);
      if (answer.status === 503) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
    for (const answer of whileDown) expect(answer.status).toBe(503);
    const refused = first.flatMap((a, i) => (a.status === 503 ? [i] : []));
    expect(refused.length).toBeGreaterThanOrEqual(whileDown.length);
    expect(first.filter((a) => a.status === 202).length).toBeGreaterThan(0);

    // As the page does: the refused ones again, with their ids, until each is taken.
    for (const i of refused) {
      await waitFor(async () => (await say(i)).status === 202, {
        what: `command ${i} taken after the restart`,
        timeoutMs: 20_000,
        intervalMs: 200,
      });
    }
    await waitFor(async () => (await countInbox(database.db)).waiting === 0, {
      what: 'the inbox run',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(await countInbox(database.db)).toEqual({ waiting: 0, failed: 0 });
    const titles = (await database.db.select({ title: tasks.title }).from(tasks)).map(
      (t) => t.title,
    );
    expect(titles.sort()).toEqual(first.map((_, i) => `停机${i}`).sort());
    await annotate(
      `${first.length - refused.length} taken at once, ${refused.length} refused (503) and taken on retry`,
    );
  }, 90_000);
});
