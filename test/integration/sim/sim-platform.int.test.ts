import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimChatPlatform } from '../../../adapters/sim/sim.adapter.js';
import type { Card } from '../../../cards/card.types.js';
import { createSimTranscript } from '../../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { createSimEventPublisher, subscribeSimEvents } from '../../../src/infra/sim/sim-events.js';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { SimTranscriptEntry } from '../../../src/ports/sim-transcript.port.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const aCard = (title: string): Card => ({
  key: 'task-1',
  tone: 'info',
  title,
  subtitle: null,
  fields: [],
  steps: [],
  note: null,
  actions: [],
  link: null,
  mentions: [],
});

describe('simulator chat platform', () => {
  let database: TestDatabase;
  let redis: Redis;

  beforeEach(async () => {
    database = await createTestDatabase();
    redis = await connectTestRedis();
  });
  afterEach(async () => {
    redis.disconnect();
    await database.destroy();
  });

  it('keeps what it sends in the transcript and announces it to subscribers', async () => {
    const prefix = testQueuePrefix();
    const subscription = await subscribeSimEvents(redis, prefix, silentLogger);
    const seen: SimTranscriptEntry[] = [];
    subscription.events.on('entry', (e: SimTranscriptEntry) => seen.push(e));
    const transcript = createSimTranscript(database.db);
    const sim = createSimChatPlatform({
      transcript,
      onChange: createSimEventPublisher(redis, prefix, silentLogger),
    });

    const text = await sim.send(
      { kind: 'chat', chatId: 'g1' },
      { kind: 'text', text: '你好', mentions: [] },
    );
    const card = await sim.send(
      { kind: 'person', platformUserId: 'zhangsan' },
      { kind: 'card', card: aCard('任务 #1'), mentions: [] },
    );
    await sim.updateCard(
      card,
      { kind: 'person', platformUserId: 'zhangsan' },
      aCard('任务 #1 已完成'),
    );

    expect((await transcript.list('g1', 10)).map((e) => e.body)).toEqual([
      { kind: 'text', text: '你好', mentions: [] },
    ]);
    const [privateCard] = await transcript.list('user:zhangsan', 10);
    expect(privateCard?.body).toMatchObject({ kind: 'card', card: { title: '任务 #1 已完成' } });
    expect(privateCard?.id).toBe(Number(card.messageId));
    expect(text.messageId).not.toBe(card.messageId);

    await waitFor(() => seen.length === 3, { what: 'three announcements' });
    expect(seen.map((e) => e.conversation)).toEqual(['g1', 'user:zhangsan', 'user:zhangsan']);
    await subscription.close();
  });

  it('refuses to update a card it never sent, so the engine re-sends it', async () => {
    const sim = createSimChatPlatform({
      transcript: createSimTranscript(database.db),
      onChange: () => undefined,
    });
    const ref = {
      messageId: '999',
      responseCode: null,
      responseCodeExpiresAt: null,
      cardRef: '999',
    };
    await expect(sim.updateCard(ref, { kind: 'chat', chatId: 'g1' }, aCard('x'))).rejects.toThrow(
      ChatPlatformError,
    );
  });

  it('adds one message per delivery: a send tried again with its key returns the first', async () => {
    const transcript = createSimTranscript(database.db);
    const sim = createSimChatPlatform({ transcript, onChange: () => undefined });
    const target = { kind: 'chat', chatId: 'g1' } as const;
    const message = { kind: 'text', text: '提醒', mentions: [] } as const;
    const first = await sim.send(target, message, { idempotencyKey: 'delivery-7' });
    const again = await sim.send(target, message, { idempotencyKey: 'delivery-7' });
    const other = await sim.send(target, message, { idempotencyKey: 'delivery-8' });
    const unkeyed = await sim.send(target, message);
    expect(again).toEqual(first);
    expect(new Set([first.messageId, other.messageId, unkeyed.messageId]).size).toBe(3);
    expect(await transcript.list('g1', 10)).toHaveLength(3);
  });
});
