import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { loadConfig } from '../../src/infra/config/config.js';
import { importOrgFile } from '../../src/infra/db/repositories/org-import.drizzle.js';
import { createSimTranscript } from '../../src/infra/db/repositories/sim-transcript.drizzle.js';
import { parseOrgFile } from '../../src/infra/org/org-file.parser.js';
import { createQueues } from '../../src/infra/queue/queues.js';
import { createInboundHandler } from '../../src/main/inbound.js';
import type { PlatformModule, PlatformModuleContext } from '../../src/main/platform-module.js';
import { startWorkers } from '../../src/main/workers.js';
import type { SimTranscriptEntry } from '../../src/ports/sim-transcript.port.js';
import { createTestDatabase } from './test-db.js';
import { silentLogger } from './test-logger.js';
import { connectTestRedis, TEST_REDIS_URL, testQueuePrefix } from './test-redis.js';
import { waitFor } from './wait-for.js';

let messageCounter = 0;

/**
 * The whole engine on real Postgres and Redis, as `baton all` runs it, talking through the
 * simulator platform: say things in chats, tap buttons, read the transcripts.
 */
export async function startEngine(
  orgFile = 'test/fixtures/org/fast-ladder.yaml',
  options: {
    /** Platform adapters to run beside the simulator (built once Postgres and Redis are up). */
    modules?: (ctx: PlatformModuleContext) => Promise<PlatformModule[]>;
    /** Another Redis than the shared test one (fault tests flush or restart their own). */
    redisUrl?: string;
    /** More environment for the engine's configuration (e.g. `BATON_REDIS_CHECK_MS`). */
    env?: Readonly<Record<string, string>>;
  } = {},
) {
  const database = await createTestDatabase();
  await importOrgFile(database.db, parseOrgFile(readFileSync(orgFile, 'utf8'), orgFile));
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const redis: Redis = await connectTestRedis(redisUrl);
  const prefix = testQueuePrefix();
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    BATON_QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const infra = { database, redis, redisUrl, close: async () => undefined };
  const queues = createQueues(redis, prefix);
  const modules = options.modules
    ? await options.modules({ config, env: {}, infra, logger: silentLogger })
    : [];
  const workers = await startWorkers(config, infra, queues, silentLogger, modules);
  const inbound = createInboundHandler(config, infra, () => workers.poke());
  const transcript = createSimTranscript(database.db);

  const say = async (
    conversation: string,
    personId: string,
    text: string,
    messageId = `m${++messageCounter}`,
  ) => {
    const isGroup = !conversation.startsWith('user:');
    await inbound.handle({
      type: 'message',
      platform: 'sim',
      tenantKey: 'default',
      messageId,
      chat: { chatId: isGroup ? conversation : personId, isGroup },
      sender: { platformUserId: personId, displayName: null },
      text,
      mentions: [],
      receivedAt: new Date(),
      replyHandle: null,
    });
  };
  const click = async (
    conversation: string,
    personId: string,
    entry: SimTranscriptEntry,
    label: string,
  ) => {
    if (entry.body.kind !== 'card') throw new Error('not a card');
    const action = entry.body.card.actions.find((a) => a.label.startsWith(label));
    if (!action) throw new Error(`no button ${label} on ${entry.body.card.title}`);
    const isGroup = !conversation.startsWith('user:');
    await inbound.handle({
      type: 'card-action',
      platform: 'sim',
      tenantKey: 'default',
      eventId: `click-${++messageCounter}`,
      chat: { chatId: isGroup ? conversation : personId, isGroup },
      user: { platformUserId: personId, displayName: null },
      cardRef: String(entry.id),
      actionId: action.actionId,
      value: action.value,
      receivedAt: new Date(),
      replyHandle: null,
    });
  };
  const read = (conversation: string) => transcript.list(conversation, 500);
  const texts = async (conversation: string) =>
    (await read(conversation)).map((e) =>
      e.body.kind === 'card'
        ? `${e.body.card.title}${e.body.card.note ? ` | ${e.body.card.note}` : ''}`
        : e.body.kind === 'text'
          ? e.body.text
          : e.body.markdown,
    );
  /** Waits until a message matching `pattern` is in the conversation. */
  const has = (conversation: string, pattern: RegExp, timeoutMs = 15_000) =>
    waitFor(async () => (await texts(conversation)).some((t) => pattern.test(t)), {
      what: `${pattern} in ${conversation}`,
      timeoutMs,
    });
  return {
    database,
    redis,
    prefix,
    config,
    queues,
    inbound,
    modules,
    say,
    click,
    read,
    texts,
    has,
    async stop() {
      await workers.close();
      for (const module of modules) await module.close();
      await queues.close();
      redis.disconnect();
      await database.destroy();
    },
  };
}
