import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/infra/db/client.js';
import { inboundMessages, inbox } from '../../../src/infra/db/schema/index.js';
import { createInboxConsumer } from '../../../src/infra/inbox/inbox-consumer.js';
import { createInboxWriter } from '../../../src/infra/inbox/inbox-writer.js';
import type { InboundEvent, InboundMessage } from '../../../src/ports/inbound-event.types.js';
import { createPgliteTestDatabase } from '../../helpers/pglite-db.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { waitFor } from '../../helpers/wait-for.js';

function message(id: string, chatId = 'wrGroup', text = `/帮助 ${id}`): InboundMessage {
  return {
    type: 'message',
    platform: 'wecom',
    tenantKey: 'ww0123456789abcdef',
    messageId: id,
    chat: { chatId, isGroup: true },
    sender: { platformUserId: 'ZhengYi', displayName: '郑毅' },
    text,
    mentions: [{ platformUserId: 'ZhangSan', displayName: null }],
    receivedAt: new Date('2026-11-23T01:02:03.456Z'),
    replyHandle: { kind: 'wecom-response-url', value: 'https://x/y', expiresAt: null },
  };
}

const drivers = [
  ['PostgreSQL', createTestDatabase],
  ['PGlite', createPgliteTestDatabase],
] as const;

describe.each(drivers)('the inbox on %s', (_name, open) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(() => database.destroy());

  it('commits a burst of callbacks in a few inserts, each event once, redeliveries refused', async () => {
    let inserts = 0;
    const writer = createInboxWriter({ db: database.db, onAccepted: () => inserts++ });
    const events = Array.from({ length: 300 }, (_, i) => message(`m${i}`));
    const answers = await Promise.all(
      [...events, events[0], events[7]].map((e) => writer.accept(e as InboundEvent)),
    );
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(300);
    expect(answers.slice(300)).toEqual([{ duplicate: true }, { duplicate: true }]);
    expect(inserts).toBeGreaterThan(0);
    expect(inserts).toBeLessThanOrEqual(2);
    const rows = await database.db.select().from(inbox);
    expect(rows.map((r) => r.eventId).sort()).toEqual(events.map((e) => e.messageId).sort());
    expect(await writer.accept(message('m42'))).toEqual({ duplicate: true });
  });

  it('refuses an event the engine already handled', async () => {
    await database.db.insert(inboundMessages).values({ platform: 'wecom', messageId: 'done-1' });
    const writer = createInboxWriter({ db: database.db, onAccepted: () => undefined });
    expect(await writer.accept(message('done-1'))).toEqual({ duplicate: true });
    expect(await database.db.select().from(inbox)).toEqual([]);
  });

  it('runs every event in its conversation order, then deletes it; the event comes back whole', async () => {
    const writer = createInboxWriter({ db: database.db, onAccepted: () => undefined });
    const sent = [
      message('a1', 'chatA'),
      message('b1', 'chatB'),
      message('a2', 'chatA', 'NUL\u0000gone'),
      message('a3', 'chatA'),
    ];
    await Promise.all(sent.map((e) => writer.accept(e)));
    const seen: InboundEvent[] = [];
    const consumer = createInboxConsumer({
      db: database.db,
      logger: silentLogger,
      handle: async (event) => {
        seen.push(event);
      },
    });
    expect(await consumer.consumeOnce()).toBe(4);
    const ids = (c: string) =>
      seen.filter((e) => e.chat?.chatId === c).map((e) => (e as InboundMessage).messageId);
    expect(ids('chatA')).toEqual(['a1', 'a2', 'a3']);
    expect(ids('chatB')).toEqual(['b1']);
    expect(seen.find((e) => e.type === 'message' && e.messageId === 'a1')).toEqual(sent[0]);
    expect(
      (seen.find((e) => (e as InboundMessage).messageId === 'a2') as InboundMessage).text,
    ).toBe('NULgone');
    expect(await database.db.select().from(inbox)).toEqual([]);
    expect(await consumer.consumeOnce()).toBe(0);
  });

  it('runs a failed event again once its claim lapses, and sets one that always fails aside', async () => {
    const writer = createInboxWriter({ db: database.db, onAccepted: () => undefined });
    await writer.accept(message('flaky', 'chatA'));
    await writer.accept(message('after-flaky', 'chatA'));
    await writer.accept(message('broken', 'chatB'));
    const runs: string[] = [];
    const consumer = createInboxConsumer({
      db: database.db,
      logger: silentLogger,
      claimMs: 1,
      handle: async (event) => {
        const id = (event as InboundMessage).messageId;
        runs.push(id);
        if (id === 'broken' || (id === 'flaky' && runs.filter((r) => r === id).length === 1)) {
          throw new Error('connect ECONNREFUSED');
        }
      },
    });
    for (let pass = 0; pass < 8; pass++) {
      await consumer.consumeOnce();
      await new Promise((r) => setTimeout(r, 5));
    }
    // The conversation waited for its first event: no event ran before the one said before it.
    expect(runs.filter((r) => r !== 'broken')).toEqual(['flaky', 'flaky', 'after-flaky']);
    expect(runs.filter((r) => r === 'broken')).toHaveLength(5);
    const left = await database.db.select().from(inbox);
    expect(left.map((r) => [r.eventId, r.attempts, r.failedAt !== null])).toEqual([
      ['broken', 6, true],
    ]);
  });
});

describe('the inbox on PostgreSQL, with outages and with two workers', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.destroy());

  it('runs a failed event again at the next pass while it still holds the claim', async () => {
    const writer = createInboxWriter({ db: database.db, onAccepted: () => undefined });
    await writer.accept(message('first', 'chatA'));
    await writer.accept(message('second', 'chatA'));
    let failing = true;
    const runs: string[] = [];
    const consumer = createInboxConsumer({
      db: database.db,
      logger: silentLogger,
      handle: async (event) => {
        runs.push((event as InboundMessage).messageId);
        if (failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    });
    expect(await consumer.consumeOnce()).toBe(0);
    failing = false;
    expect(await consumer.consumeOnce()).toBe(2);
    expect(runs).toEqual(['first', 'first', 'second']);
    expect(await database.db.select().from(inbox)).toEqual([]);
  });

  it('shares the rows between consumers: every event runs exactly once', async () => {
    const writer = createInboxWriter({ db: database.db, onAccepted: () => undefined });
    const events = Array.from({ length: 400 }, (_, i) => message(`m${i}`, `chat${i % 37}`));
    await Promise.all(events.map((e) => writer.accept(e)));
    const runs = new Map<string, number>();
    const consumers = [1, 2].map(() =>
      createInboxConsumer({
        db: database.db,
        logger: silentLogger,
        idleMs: 20,
        handle: async (event) => {
          const id = (event as InboundMessage).messageId;
          runs.set(id, (runs.get(id) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 1));
        },
      }),
    );
    for (const c of consumers) c.start();
    await waitFor(async () => (await database.db.select().from(inbox)).length === 0, {
      what: 'the inbox emptied',
    });
    await Promise.all(consumers.map((c) => c.stop()));
    expect(runs.size).toBe(400);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('refuses the whole batch when Postgres cannot take it, and nothing is left half-written', async () => {
    const unreachable = await openDatabase({
      url: 'postgres://postgres@127.0.0.1:1/none',
      dataDir: '',
      logger: silentLogger,
    });
    let accepted = 0;
    const writer = createInboxWriter({ db: unreachable.db, onAccepted: () => accepted++ });
    const answers = await Promise.allSettled([
      writer.accept(message('x1')),
      writer.accept(message('x2')),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(accepted).toBe(0);
    await unreachable.close();
  });
});
