import type { Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDeliveryStore,
  enqueueDeliveries,
} from '../../../src/infra/db/repositories/delivery-store.drizzle.js';
import { deliveries } from '../../../src/infra/db/schema/index.js';
import { createRedisChatBudget } from '../../../src/infra/delivery/chat-budget.redis.js';
import { createRedisSentReceipts } from '../../../src/infra/delivery/sent-receipts.redis.js';
import { createOutboxHandlers } from '../../../src/infra/outbox/outbox-handlers.js';
import { createOutboxRelay, type OutboxRelay } from '../../../src/infra/outbox/outbox-relay.js';
import { createBullmqPingScheduler } from '../../../src/infra/queue/bullmq-ping-scheduler.js';
import { createQueues, type Queues } from '../../../src/infra/queue/queues.js';
import { startDeliveryWorker } from '../../../src/infra/queue/workers/delivery.worker.js';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { DeliveryStore, NewDelivery } from '../../../src/ports/delivery-store.port.js';
import { RecordingChatPlatform, serverError } from '../../fakes/recording-chat-platform.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const chat = { kind: 'chat', chatId: 'group-1' } as const;

function aDelivery(n: number, overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    tenantId: 'default',
    taskId: null,
    nodeId: null,
    platform: 'sim',
    target: chat,
    purpose: 'reminder',
    message: { kind: 'text', text: `提醒 ${n}`, mentions: [] },
    dedupeKey: `test-${n}`,
    ...overrides,
  };
}

describe('delivery pipeline: outbox → BullMQ → platform', () => {
  let database: TestDatabase;
  let redis: Redis;
  let queues: Queues;
  let relay: OutboxRelay;
  let worker: Worker;
  let platform: RecordingChatPlatform;

  async function start(
    budget = { messages: 20, windowMs: 60_000 },
    store: (real: DeliveryStore) => DeliveryStore = (real) => real,
    leaseMs = 30_000,
  ) {
    platform = new RecordingChatPlatform('sim', {
      interactiveCardsInGroups: true,
      interactiveCardsInPrivate: true,
      updateCardInPlace: true,
      chatBudget: budget,
    });
    const prefix = testQueuePrefix();
    queues = createQueues(redis, prefix);
    relay = createOutboxRelay({
      db: database.db,
      handlers: createOutboxHandlers({
        queues,
        scheduler: createBullmqPingScheduler({ queues, redis, queuePrefix: prefix }),
        planFor: async () => new Map(),
      }),
      logger: silentLogger,
      idleMs: 50,
    });
    worker = startDeliveryWorker({
      deliveries: store(createDeliveryStore(database.db)),
      platforms: new Map([['sim', platform]]),
      budget: createRedisChatBudget(redis, prefix),
      receipts: createRedisSentReceipts(redis, prefix),
      recordRetryDelaysMs: [10, 10],
      leaseMs,
      jobLockMs: 30_000,
      queues,
      connection: redis,
      queuePrefix: prefix,
      logger: silentLogger,
      onDigestWritten: () => relay.poke(),
    });
    relay.start();
  }

  async function write(items: NewDelivery[]) {
    await database.db.transaction((tx) => enqueueDeliveries(tx, items));
    relay.poke();
  }

  const statuses = async () =>
    (await database.db.select().from(deliveries)).map((d) => `${d.dedupeKey}:${d.status}`).sort();

  beforeEach(async () => {
    database = await createTestDatabase();
    redis = await connectTestRedis();
  });

  afterEach(async () => {
    await relay.stop();
    await worker.close();
    await queues.close();
    redis.disconnect();
    await database.destroy();
  });

  it('sends a recorded delivery once and records the outcome', async () => {
    await start();
    await write([aDelivery(1)]);
    await waitFor(() => platform.sent.length === 1, { what: 'the message' });
    await waitFor(async () => (await statuses()).join() === 'test-1:sent', { what: 'sent status' });
    expect(platform.sent[0]?.message).toEqual({ kind: 'text', text: '提醒 1', mentions: [] });
  });

  it('writes a dedupe key once, however often it is written', async () => {
    await start();
    await write([aDelivery(1)]);
    await write([aDelivery(1)]);
    await write([aDelivery(1), aDelivery(2)]);
    await waitFor(() => platform.sent.length === 2, { what: 'two messages' });
    await waitFor(async () => (await statuses()).join() === 'test-1:sent,test-2:sent');
    // Two deliveries run concurrently: their order is not promised, only that each goes once.
    const texts = platform.sent.map((s) => (s.message.kind === 'text' ? s.message.text : ''));
    expect(texts.sort()).toEqual(['提醒 1', '提醒 2']);
  });

  it('retries a platform 500 and delivers exactly one message', async () => {
    await start();
    platform.failNext(serverError());
    await write([aDelivery(1)]);
    await waitFor(() => platform.sent.length === 1, {
      what: 'the retried message',
      timeoutMs: 15_000,
    });
    const [row] = await database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.dedupeKey, 'test-1'));
    await waitFor(async () => (await statuses()).join() === 'test-1:sent');
    expect(row?.attempts).toBe(2);
    expect(platform.sent).toHaveLength(1);
  });

  it('a message sent while PostgreSQL cannot record it is recorded later, not sent again', async () => {
    let refusals = 0;
    const databaseAway = (real: DeliveryStore): DeliveryStore => ({
      ...real,
      async markSent(delivery, sent) {
        // The first attempt's record and both of its quick retries fail, as in an outage.
        if (refusals < 3) {
          refusals += 1;
          throw new Error('Connection terminated unexpectedly');
        }
        return real.markSent(delivery, sent);
      },
    });
    await start(undefined, databaseAway, 300);
    await write([aDelivery(1)]);
    await waitFor(async () => (await statuses()).join() === 'test-1:sent', {
      what: 'the send recorded once PostgreSQL is back',
      timeoutMs: 15_000,
    });
    expect(refusals).toBe(3);
    const [row] = await database.db.select().from(deliveries);
    // The second claim found the receipt the first attempt left in Redis.
    expect(row?.attempts).toBe(2);
    expect(platform.sent).toHaveLength(1);
  });

  it('waits out a platform throttling longer than the job has attempts: each message arrives once, the budget untouched', async () => {
    // A chat budget of 3 a minute: if refused attempts spent it, the third message would wait
    // for a digest a minute away.
    await start({ messages: 3, windowMs: 60_000 });
    const throttled = new ChatPlatformError('rate-limited', 'QPS limit', { retryAfterMs: 40 });
    // 30 refusals for 3 messages: ten each on average, more than a job's 8 attempts.
    platform.failNext(throttled, 30);
    await write([aDelivery(1), aDelivery(2), aDelivery(3)]);
    await waitFor(() => platform.sent.length === 3, {
      what: 'the three messages after the throttle',
      timeoutMs: 15_000,
    });
    await waitFor(
      async () => (await statuses()).sort().join() === 'test-1:sent,test-2:sent,test-3:sent',
    );
    const texts = platform.sent.map((s) => (s.message.kind === 'text' ? s.message.text : ''));
    expect(texts.sort()).toEqual(['提醒 1', '提醒 2', '提醒 3']);
    const rows = await database.db.select().from(deliveries);
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(33);
  });

  it('gives up at once on a permanent platform error', async () => {
    await start();
    platform.failNext(new ChatPlatformError('permanent', 'invalid userid'));
    await write([aDelivery(1)]);
    await waitFor(async () => (await statuses()).join() === 'test-1:dead', { what: 'dead status' });
    const [row] = await database.db.select().from(deliveries);
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toContain('invalid userid');
  });

  it('merges what a chat budget cannot take into digests within the budget', async () => {
    const budget = { messages: 5, windowMs: 2_000 };
    await start(budget);
    const items = Array.from({ length: 30 }, (_, i) => aDelivery(i + 1));
    await write(items);
    const everyText = async () => {
      const texts = platform.sent.map((s) =>
        s.message.kind === 'text'
          ? s.message.text
          : s.message.kind === 'markdown'
            ? s.message.markdown
            : '',
      );
      return items.every((_, i) => texts.some((t) => new RegExp(`提醒 ${i + 1}(?!\\d)`).test(t)))
        ? texts
        : false;
    };
    await waitFor(everyText, { what: 'every reminder, alone or in a digest', timeoutMs: 20_000 });
    // Every reminder arrived exactly once, and no window carried more than the budget.
    const texts = (await everyText()) as string[];
    for (let i = 1; i <= 30; i++) {
      const carriers = texts.filter((t) => new RegExp(`提醒 ${i}(?!\\d)`).test(t));
      expect(carriers, `reminder ${i}`).toHaveLength(1);
    }
    expect(platform.sent.length).toBeLessThan(30);
    const times = platform.sent.map((s) => s.at);
    for (const t of times) {
      expect(times.filter((u) => u >= t && u < t + budget.windowMs).length).toBeLessThanOrEqual(
        budget.messages,
      );
    }
    const digests = platform.sent.filter((s) => s.message.kind === 'markdown');
    expect(digests.length).toBeGreaterThan(0);
    expect((await statuses()).filter((s) => s.endsWith(':merged')).length).toBeGreaterThan(0);
  }, 30_000);
});
