import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueDeliveries } from '../../../src/infra/db/repositories/delivery-store.drizzle.js';
import { inbox } from '../../../src/infra/db/schema/index.js';
import { bullPrefix, QUEUE_NAMES } from '../../../src/infra/queue/queue-names.js';
import { formatQueueStatus, readQueueStatus } from '../../../src/infra/queue/queue-status.js';
import { createQueues, type Queues } from '../../../src/infra/queue/queues.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

describe('baton queues: what waits and what fails, in Redis and in PostgreSQL', () => {
  let database: TestDatabase;
  let redis: Redis;
  let queues: Queues;
  let prefix: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    redis = await connectTestRedis();
    prefix = testQueuePrefix();
    queues = createQueues(redis, prefix);
  });
  afterEach(async () => {
    await queues.close();
    redis.disconnect();
    await database.destroy();
  });

  it('counts jobs per queue and state, inbox events not yet run, outbox rows not yet relayed, deliveries by status, and shows recent failures', async () => {
    await queues.add('deliver', { version: 1, deliveryId: 7 }, { jobId: 'deliver-7' });
    await queues.add(
      'deliver',
      { version: 1, deliveryId: 8 },
      { jobId: 'deliver-8', delayMs: 60_000 },
    );
    await queues
      .queue(QUEUE_NAMES.maintenance)
      .add('reconcile', {}, { jobId: 'broken', attempts: 1 });
    const workerConnection = redis.duplicate();
    const failing = new Worker(
      QUEUE_NAMES.maintenance,
      async () => {
        throw new Error('PostgreSQL is away');
      },
      { connection: workerConnection, prefix: bullPrefix(prefix) },
    );
    await waitFor(
      async () => (await queues.queue(QUEUE_NAMES.maintenance).getFailedCount()) === 1,
      {
        what: 'the failed job',
      },
    );
    await failing.close();
    workerConnection.disconnect();
    await database.db.transaction((tx) =>
      enqueueDeliveries(tx, [
        {
          tenantId: 'default',
          taskId: null,
          nodeId: null,
          platform: 'sim',
          target: { kind: 'chat', chatId: 'room' },
          purpose: 'reminder',
          message: { kind: 'text', text: '提醒', mentions: [] },
          dedupeKey: 'status-1',
        },
      ]),
    );
    const event = (eventId: string) => ({ platform: 'wecom' as const, eventId, event: {} });
    await database.db.insert(inbox).values([event('e1'), event('e2')]);
    await database.db.insert(inbox).values({ ...event('e3'), failedAt: new Date(), attempts: 6 });

    const status = await readQueueStatus(queues, database.db);
    const delivery = status.queues.find((q) => q.name === 'delivery');
    expect(delivery?.counts).toMatchObject({ waiting: 1, delayed: 1, failed: 0 });
    const maintenance = status.queues.find((q) => q.name === 'maintenance');
    expect(maintenance?.counts.failed).toBe(1);
    expect(maintenance?.recentFailures).toEqual([
      expect.objectContaining({ id: 'broken', name: 'reconcile', reason: 'PostgreSQL is away' }),
    ]);
    expect(status.outboxWaiting).toBe(1);
    expect(status.inbox).toEqual({ waiting: 2, failed: 1 });
    expect(status.deliveriesByStatus).toEqual({ pending: 1 });

    const text = formatQueueStatus(status);
    expect(text).toMatch(/^queue\s+waiting\s+active\s+delayed\s+failed\s+completed$/m);
    expect(text).toMatch(/^delivery\s+1\s+0\s+1\s+0\s+0$/m);
    expect(text).toContain('outbox rows waiting for Redis: 1');
    expect(text).toContain('inbound events waiting for the engine: 2 (1 set aside');
    expect(text).toContain('deliveries: pending 1');
    expect(text).toMatch(/maintenance reconcile broken at .*: PostgreSQL is away/);
  });
});
