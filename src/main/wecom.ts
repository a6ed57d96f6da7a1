import { createWecomHttpParts } from '../../adapters/wecom/api/wecom-http.parts.js';
import { createLongConnection } from '../../adapters/wecom/longconn/long-connection.js';
import { decodeButtonKey } from '../../adapters/wecom/render/button-key.js';
import { renderTemplateCard } from '../../adapters/wecom/render/template-card.render.js';
import { createWecomChatPlatform } from '../../adapters/wecom/wecom.chat-platform.js';
import { loadWecomConfig } from '../../adapters/wecom/wecom.config.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { cachedOrgStore } from '../infra/org/org-cache.js';
import { bullPrefix } from '../infra/queue/queue-names.js';
import { createRedisReplayGuard } from '../infra/redis/replay-guard.redis.js';
import type { PlatformModule, PlatformModuleContext } from './platform-module.js';

/** One organisation per deployment for now (as the inbound handler assumes). */
const TENANT_ID = 'default';

/**
 * WeCom, when any of its surfaces is configured. Sends try the HTTP paths first (a waiting
 * API-mode callback's passive reply, a coordination chat's group robot, the self-built app for
 * private cards) and fall back to the intelligent bot's long connection. Callback routes are
 * mounted for the API-mode bot and the app; processes that take callbacks also campaign to hold
 * the bot's one long connection.
 */
export async function wecomModule(ctx: PlatformModuleContext): Promise<PlatformModule | null> {
  const config = loadWecomConfig(ctx.env);
  if (!config.enabled) return null;
  const keyPrefix = bullPrefix(ctx.config.redis.prefix);
  const longConnection = config.longConnection
    ? createLongConnection({
        config: config.longConnection,
        redis: ctx.infra.redis,
        keyPrefix,
        logger: ctx.logger,
        renderCard: renderTemplateCard,
        decodeKey: decodeButtonKey,
      })
    : null;
  const orgStore = cachedOrgStore(ctx.infra.database.db, createOrgStore(ctx.infra.database.db));
  const http = createWecomHttpParts({
    config: config.http,
    redis: ctx.infra.redis,
    keyPrefix,
    replayGuard: createRedisReplayGuard(ctx.infra.redis, `${keyPrefix}:wecom:replay`),
    logger: ctx.logger.child({ component: 'wecom-http' }),
    webhookKeyOf: async (chatId) => {
      const org = await orgStore.loadOrg(TENANT_ID);
      const chat = org?.coordination.chats.find(
        (c) => c.platform === 'wecom' && c.chatId === chatId,
      );
      return chat?.webhookKey ?? null;
    },
    fallback: longConnection
      ? createWecomChatPlatform({ longConnection, renderCard: renderTemplateCard })
      : null,
  });
  const takesCallbacks = config.http.bot !== null || config.http.app !== null;
  return {
    platform: 'wecom',
    chatPlatform: http.chatPlatform,
    ...(http.contacts ? { contacts: http.contacts } : {}),
    ...(takesCallbacks ? { routes: http.routes } : {}),
    ...(longConnection ? { startInbound: async (inbound) => longConnection.start(inbound) } : {}),
    close: async () => {
      await longConnection?.close();
    },
  };
}
