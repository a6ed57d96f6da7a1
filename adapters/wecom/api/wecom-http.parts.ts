import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatPlatform } from '../../../src/ports/chat-platform.port.js';
import type { ContactsSource } from '../../../src/ports/contacts-source.port.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import { createAnsweredCards } from '../callback/answered-cards.js';
import type { WecomHttpConfig } from '../callback/callback.config.js';
import { createPassiveReplySlots } from '../callback/passive-reply-slots.js';
import { wecomCallbackRoutes } from '../callback/wecom-callback.routes.js';
import { type AccessTokens, createAccessTokens } from './access-token.cache.js';
import { createAibotResponder } from './aibot-response.client.js';
import { type AppMessenger, createAppMessenger } from './app-messenger.js';
import { createWecomContacts } from './contacts.client.js';
import { createWecomHttpChatPlatform } from './http-chat-platform.js';
import { createRobotMessenger } from './robot-messenger.js';
import { createWecomAppClient } from './wecom-app.client.js';
import { createWecomHttp } from './wecom-http.js';
import { createWecomWebhookClient } from './wecom-webhook.client.js';

/** WeCom answers slowly at times; a send that takes longer is retried by the queue. */
const API_TIMEOUT_MS = 10_000;

/**
 * WeCom's HTTP side assembled for one process: the chat platform (passive replies, group robots,
 * the self-built app, then `fallback`) and the callback routes. `keyPrefix` is the deployment's
 * hash-tagged Redis prefix (`{baton}`), so every process shares tokens, slots and answered cards.
 */
export function createWecomHttpParts(deps: {
  config: WecomHttpConfig;
  redis: Redis;
  keyPrefix: string;
  /** Shared by every process, like the slots: a replay may reach another one. */
  replayGuard: ReplayGuard;
  logger: Logger;
  webhookKeyOf: (chatId: string) => Promise<string | null>;
  fallback: ChatPlatform | null;
  replyWaitMs?: number;
  /** Bounds of the bot route: card clicks at once, callbacks owed a reply (503 past them). */
  botLimits?: { readonly clicksMax?: number; readonly maxOwed?: number };
}): {
  chatPlatform: ChatPlatform;
  routes: (inbound: InboundHandler) => FastifyPluginAsync;
  /** The self-built app's contacts, when the app is configured. */
  contacts: ContactsSource | null;
} {
  const { config, redis, keyPrefix, logger } = deps;
  const http = createWecomHttp({ logger, timeoutMs: API_TIMEOUT_MS });
  const slots = createPassiveReplySlots({
    redis,
    keyPrefix,
    ...(deps.botLimits?.maxOwed === undefined ? {} : { maxOwed: deps.botLimits.maxOwed }),
  });
  const answeredCards = createAnsweredCards({ redis, keyPrefix });
  const appTokens = appAccessTokens(deps, http);
  const app = appTokens ? appMessenger(deps, http, appTokens) : null;
  const robot = createRobotMessenger({
    webhook: createWecomWebhookClient({ http, apiBase: config.apiBase }),
  });
  return {
    contacts: appTokens
      ? createWecomContacts({ http, tokens: appTokens, apiBase: config.apiBase })
      : null,
    chatPlatform: createWecomHttpChatPlatform({
      slots,
      answeredCards,
      app,
      robot,
      responder: createAibotResponder({ http, apiBase: config.apiBase }),
      webhookKeyOf: deps.webhookKeyOf,
      fallback: deps.fallback,
    }),
    routes: wecomCallbackRoutes({
      config,
      slots,
      answeredCards,
      replayGuard: deps.replayGuard,
      logger,
      updateClickedCard: app ? (click) => app.updateClicked(click) : null,
      ...(deps.replyWaitMs === undefined ? {} : { replyWaitMs: deps.replyWaitMs }),
      ...(deps.botLimits?.clicksMax === undefined ? {} : { clicksMax: deps.botLimits.clicksMax }),
    }),
  };
}

function appAccessTokens(
  deps: Parameters<typeof createWecomHttpParts>[0],
  http: ReturnType<typeof createWecomHttp>,
): AccessTokens | null {
  const app = deps.config.app;
  if (!app?.secret) return null;
  return createAccessTokens({
    redis: deps.redis,
    keyPrefix: deps.keyPrefix,
    http,
    apiBase: deps.config.apiBase,
    corpId: app.corpId,
    secret: app.secret,
    appKey: String(app.agentId),
  });
}

function appMessenger(
  deps: Parameters<typeof createWecomHttpParts>[0],
  http: ReturnType<typeof createWecomHttp>,
  tokens: AccessTokens,
): AppMessenger | null {
  const app = deps.config.app;
  if (!app) return null;
  const client = createWecomAppClient({
    http,
    tokens,
    apiBase: deps.config.apiBase,
    agentId: app.agentId,
  });
  return createAppMessenger({ app: client, now: () => new Date() });
}
