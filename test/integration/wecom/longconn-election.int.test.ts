import { WSClient } from '@wecom/aibot-node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startLeaderLease } from '../../../adapters/wecom/longconn/leader-lease.js';
import { tasks } from '../../../src/infra/db/schema/index.js';
import type { PlatformModule } from '../../../src/main/platform-module.js';
import { wecomModule } from '../../../src/main/wecom.js';
import { ChatPlatformError, type OutboundMessage } from '../../../src/ports/chat-platform.port.js';
import {
  longConnectionEnv,
  startWecomEngine,
  TEST_BOT_ID,
} from '../../fakes/wecom/longconn-engine.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

type Setup = Awaited<ReturnType<typeof startWecomEngine>>;

const intruderCredentials = (s: Setup) => {
  const env = longConnectionEnv(s.server);
  return { botId: env.WECOM_BOT_ID, secret: env.WECOM_BOT_SECRET, wsUrl: env.WECOM_BOT_WS_URL };
};

const hello: OutboundMessage = { kind: 'text', text: '测试消息', mentions: [] };

describe('one WeCom long connection per bot across processes', () => {
  let s: Setup;
  let second: PlatformModule | null = null;
  afterEach(async () => {
    await s.stop();
    await second?.close();
    second = null;
  });

  /** Another Baton process's WeCom module on the same Redis and database. */
  const anotherProcess = async () => {
    const { database, redis, config } = s.engine;
    const module = await wecomModule({
      config,
      env: longConnectionEnv(s.server),
      infra: { database, redis, redisUrl: '', close: async () => undefined },
      logger: silentLogger,
    });
    if (!module) throw new Error('no WeCom module');
    second = module;
    return module;
  };

  it('connects once, relays the other process’s sends, and hands over on close', async () => {
    s = await startWecomEngine();
    const first = await s.connect();
    await waitFor(() => s.server.liveConnections(TEST_BOT_ID) === 1, { what: 'the first' });
    const other = await anotherProcess();
    await s.connect(other);

    // The second process does not connect: its send goes through the holder.
    const sent = await other.chatPlatform.send({ kind: 'chat', chatId: 'wrRelayed' }, hello);
    expect(sent.messageId).toMatch(/^aibot_send_msg/);
    expect(s.server.sends.map((f) => f.body?.chatid)).toEqual(['wrRelayed']);
    expect(s.server.authentications).toHaveLength(1);

    // The holder's refusal reaches the asker with its kind.
    s.server.failNextSends(45009);
    const refused = await other.chatPlatform
      .send({ kind: 'person', platformUserId: 'ZhangSan' }, hello)
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ChatPlatformError);
    expect((refused as ChatPlatformError).kind).toBe('rate-limited');

    // The holder shuts down; the other takes the connection and the callbacks.
    await first.close();
    await waitFor(() => s.server.authentications.length === 2, { what: 'the takeover' });
    await waitFor(() => s.server.liveConnections(TEST_BOT_ID) === 1, { what: 'one live' });
    s.server.pushText(TEST_BOT_ID, {
      chatid: 'wrOfficeGroup',
      userid: 'ZhengYi',
      content: '@接力 /任务 修打印机\n报修 @张三 1小时内',
    });
    await waitFor(async () => (await s.engine.database.db.select().from(tasks)).length === 1, {
      what: 'the command taken in by the new holder',
    });
    await other.chatPlatform.send({ kind: 'chat', chatId: 'wrDirect' }, hello);
    expect(s.server.sends.at(-1)?.body?.chatid).toBe('wrDirect');
  });

  it('comes back after a connection from outside the deployment kicks it', async () => {
    s = await startWecomEngine();
    await s.connect();
    await waitFor(() => s.server.authentications.length === 1, { what: 'Baton connected' });
    const intruder = new WSClient({
      ...intruderCredentials(s),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      maxReconnectAttempts: 0,
    });
    intruder.connect();
    await waitFor(() => s.server.authentications.length === 2, { what: 'the intruder' });
    // WeCom's SDK stays down once kicked; Baton reconnects after a lease period.
    await waitFor(() => s.server.authentications.length === 3, { what: 'Baton back' });
    expect(s.server.liveConnections(TEST_BOT_ID)).toBe(1);
    expect(intruder.isConnected).toBe(false);
    intruder.disconnect();
  });
});

describe('the long-connection lease', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('passes to another process when the holder dies without giving it back', async () => {
    const key = `{${testQueuePrefix()}}:wecom:lease-test:holder`;
    const events: string[] = [];
    const candidate = async (name: string) => {
      const redis = await connectTestRedis();
      const lease = startLeaderLease({
        redis,
        key,
        holderId: name,
        ttlMs: 900,
        logger: silentLogger,
        onAcquired: async () => void events.push(`${name} acquired`),
        onLost: async () => void events.push(`${name} lost`),
      });
      closers.push(async () => {
        await lease.close();
        redis.disconnect();
      });
      return { lease, redis };
    };
    const a = await candidate('a');
    await waitFor(() => a.lease.held(), { what: 'a holding' });
    const b = await candidate('b');
    expect(b.lease.held()).toBe(false);

    // a's Redis goes away: it cannot renew, so it stops holding, and b takes over once the
    // lease lapses.
    a.redis.disconnect();
    await waitFor(() => b.lease.held(), { what: 'b taking over', timeoutMs: 5_000 });
    await waitFor(() => events.includes('a lost'), { what: 'a giving up' });
    expect(events.filter((e) => e.endsWith('acquired'))).toEqual(['a acquired', 'b acquired']);
  });
});
