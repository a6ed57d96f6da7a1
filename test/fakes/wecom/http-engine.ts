import Fastify from 'fastify';
import { createWecomHttpParts } from '../../../adapters/wecom/api/wecom-http.parts.js';
import { loadWecomHttpConfig } from '../../../adapters/wecom/callback/callback.config.js';
import { createOrgStore } from '../../../src/infra/db/repositories/org-store.drizzle.js';
import { createRedisReplayGuard } from '../../../src/infra/redis/replay-guard.redis.js';
import type { PlatformModule } from '../../../src/main/platform-module.js';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import { startEngine } from '../../helpers/engine.js';
import { startFakeWecomApi } from './api-server.js';
import { createCallbackSender } from './callback-sender.js';

export const WECOM_TEST_KEYS = {
  corpId: 'ww0123456789abcdef',
  agentId: '1000002',
  appSecret: 'app-secret-for-tests',
  botToken: 'BotToken2024',
  botAesKey: 'Nj1lI7RhV7s7CJ7uUCISwJ3q1gtQtxzdtqukxDdtMqg',
  appToken: 'TestToken2024wecom',
  appAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  webhookKey: 'robot-key-coordination',
} as const;

/**
 * The whole engine with WeCom's HTTP side (API-mode bot and self-built app callbacks on a local
 * Fastify, sends to a local WeCom API), and senders that encrypt and sign like WeCom.
 */
export async function startWecomHttpEngine(
  orgFile = 'test/fixtures/org/wecom-callback.yaml',
  options: {
    replyWaitMs?: number;
    replayGuard?: ReplayGuard;
    botLimits?: { readonly clicksMax?: number; readonly maxOwed?: number };
  } = {},
) {
  const k = WECOM_TEST_KEYS;
  const api = await startFakeWecomApi({
    corpId: k.corpId,
    secret: k.appSecret,
    webhookKeys: [k.webhookKey],
  });
  const env = {
    WECOM_API_BASE: api.url,
    WECOM_BOT_TOKEN: k.botToken,
    WECOM_BOT_AES_KEY: k.botAesKey,
    WECOM_CORP_ID: k.corpId,
    WECOM_AGENT_ID: k.agentId,
    WECOM_APP_SECRET: k.appSecret,
    WECOM_APP_TOKEN: k.appToken,
    WECOM_APP_AES_KEY: k.appAesKey,
  };
  const engine = await startEngine(orgFile, {
    // Directory syncs run when a test asks (the contacts API calls would muddle call counts).
    env: { BATON_DIRECTORY_SYNC_MINUTES: '0' },
    modules: async (ctx): Promise<PlatformModule[]> => {
      const orgStore = createOrgStore(ctx.infra.database.db);
      const keyPrefix = `{${ctx.config.redis.prefix}}`;
      const parts = createWecomHttpParts({
        config: loadWecomHttpConfig(env),
        redis: ctx.infra.redis,
        keyPrefix,
        replayGuard:
          options.replayGuard ??
          createRedisReplayGuard(ctx.infra.redis, `${keyPrefix}:wecom:replay`),
        logger: ctx.logger,
        webhookKeyOf: async (chatId) => {
          const org = await orgStore.loadOrg('default');
          const chat = org?.coordination.chats.find(
            (c) => c.platform === 'wecom' && c.chatId === chatId,
          );
          return chat?.webhookKey ?? null;
        },
        fallback: null,
        ...(options.replyWaitMs === undefined ? {} : { replyWaitMs: options.replyWaitMs }),
        ...(options.botLimits ? { botLimits: options.botLimits } : {}),
      });
      return [
        {
          platform: 'wecom',
          chatPlatform: parts.chatPlatform,
          routes: parts.routes,
          ...(parts.contacts ? { contacts: parts.contacts } : {}),
          close: async () => undefined,
        },
      ];
    },
  });
  const routes = engine.modules[0]?.routes;
  if (!routes) throw new Error('WeCom module not built');
  const http = Fastify({ logger: false });
  await http.register(routes(engine.inbound));
  await http.listen({ port: 0, host: '127.0.0.1' });
  const address = http.server.address();
  if (!address || typeof address === 'string') throw new Error('callback app did not listen');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    engine,
    api,
    url,
    bot: createCallbackSender(url, { token: k.botToken, aesKey: k.botAesKey, receiveId: '' }),
    app: createCallbackSender(url, { token: k.appToken, aesKey: k.appAesKey, receiveId: k.corpId }),
    async stop() {
      await http.close();
      await engine.stop();
      await api.close();
    },
  };
}

export type WecomHttpEngine = Awaited<ReturnType<typeof startWecomHttpEngine>>;
