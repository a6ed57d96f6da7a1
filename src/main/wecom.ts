import { createLongConnection } from '../../adapters/wecom/longconn/long-connection.js';
import { decodeButtonKey } from '../../adapters/wecom/render/button-key.js';
import { renderTemplateCard } from '../../adapters/wecom/render/template-card.render.js';
import { createWecomChatPlatform } from '../../adapters/wecom/wecom.chat-platform.js';
import { loadWecomConfig } from '../../adapters/wecom/wecom.config.js';
import type { PlatformModule, PlatformModuleContext } from './platform-module.js';

/**
 * WeCom, when the intelligent bot's long connection is configured (WECOM_BOT_ID and
 * WECOM_BOT_SECRET): every process sends through it, and processes that take callbacks
 * campaign to hold the bot's one connection.
 */
export async function wecomModule(ctx: PlatformModuleContext): Promise<PlatformModule | null> {
  const config = loadWecomConfig(ctx.env);
  if (!config.longConnection) return null;
  const longConnection = createLongConnection({
    config: config.longConnection,
    redis: ctx.infra.redis,
    queuePrefix: ctx.config.redis.prefix,
    logger: ctx.logger,
    renderCard: renderTemplateCard,
    decodeKey: decodeButtonKey,
  });
  return {
    platform: 'wecom',
    chatPlatform: createWecomChatPlatform({ longConnection, renderCard: renderTemplateCard }),
    startInbound: async (inbound) => longConnection.start(inbound),
    close: () => longConnection.close(),
  };
}
