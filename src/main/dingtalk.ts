import { TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import type { Registry } from 'prom-client';
import { createDingTalkChatPlatform } from '../../adapters/dingtalk/dingtalk.chat-platform.js';
import { loadDingTalkConfig } from '../../adapters/dingtalk/dingtalk.config.js';
import { dingtalkRobotRoute } from '../../adapters/dingtalk/http/robot.route.js';
import { createDingTalkInbound } from '../../adapters/dingtalk/inbound/dingtalk-inbound.js';
import {
  createRobotMessageQueue,
  type RobotMessageQueue,
} from '../../adapters/dingtalk/inbound/robot-message-queue.js';
import { createAccessTokens } from '../../adapters/dingtalk/openapi/access-token.js';
import { createApiQuota } from '../../adapters/dingtalk/openapi/api-quota.js';
import { registerApiQuotaMetrics } from '../../adapters/dingtalk/openapi/api-quota.metrics.js';
import { createDingTalkContacts } from '../../adapters/dingtalk/openapi/contacts.client.js';
import { createHttpJson } from '../../adapters/dingtalk/openapi/http-json.js';
import { createOpenApiCall } from '../../adapters/dingtalk/openapi/openapi-client.js';
import { createSessionWebhooks } from '../../adapters/dingtalk/openapi/session-webhooks.js';
import { createStreamReceiver } from '../../adapters/dingtalk/stream/stream-receiver.js';
import { StreamSupervisor } from '../../adapters/dingtalk/stream/stream-supervisor.js';
import type { Org } from '../domain/org/org.types.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { cachedOrgStore } from '../infra/org/org-cache.js';
import { bullPrefix, QUEUE_NAMES } from '../infra/queue/queue-names.js';
import { createRedisReplayGuard } from '../infra/redis/replay-guard.redis.js';
import type { InboundHandler } from '../ports/inbound-handler.port.js';
import type { PlatformModule, PlatformModuleContext } from './platform-module.js';

/** DingTalk calls answer within 3 s or time out on DingTalk's side; allow some slack. */
const HTTP_TIMEOUT_MS = 8_000;

/** The DingTalk platform, or null when DINGTALK_CLIENT_ID is unset. */
export async function dingtalkModule(ctx: PlatformModuleContext): Promise<PlatformModule | null> {
  const dt = loadDingTalkConfig(ctx.env);
  if (!dt) return null;
  const logger = ctx.logger.child({ platform: 'dingtalk' });
  const { redis } = ctx.infra;
  // One hash tag for all of a deployment's keys, as the queues use.
  const keys = `{${ctx.config.redis.prefix}}:dingtalk:${dt.clientId}`;
  const now = () => new Date();
  const http = createHttpJson(HTTP_TIMEOUT_MS);
  const tokens = createAccessTokens({
    redis,
    key: `${keys}:token`,
    apiBase: dt.apiBase,
    appKey: dt.clientId,
    appSecret: dt.clientSecret,
    http,
    logger,
  });
  const quota = createApiQuota({
    redis,
    keyPrefix: `${keys}:api-calls`,
    monthlyQuota: dt.monthlyQuota,
    now,
    logger,
  });
  logger.info(
    {
      mode: dt.mode,
      cards: dt.cardTemplateId !== null,
      apiCallsThisMonth: await quota.used(),
      quota: dt.monthlyQuota,
    },
    'DingTalk enabled',
  );
  const sessions = createSessionWebhooks(redis, `${keys}:session`);
  const loadOrg = cachedOrg(ctx);
  const chatPlatform = createDingTalkChatPlatform({
    robotCode: dt.robotCode,
    cardTemplateId: dt.cardTemplateId,
    oapiBase: dt.oapiBase,
    openApi: createOpenApiCall({ apiBase: dt.apiBase, http, tokens, quota }),
    http,
    sessions,
    webhookKeyOf: async (chatId) =>
      (await loadOrg()).coordination.chats.find(
        (c) => c.platform === 'dingtalk' && c.chatId === chatId,
      )?.webhookKey ?? null,
    now,
    logger,
  });
  const inboundFor = (inbound: InboundHandler) =>
    createDingTalkInbound({ inbound, sessions, loadOrg, now, logger });
  // One queue per receiving process, whose worker feeds the engine this process was given.
  let robotMessages: RobotMessageQueue | null = null;
  const robotMessagesFor = (inbound: InboundHandler) => {
    robotMessages ??= createRobotMessageQueue({
      connection: redis,
      prefix: bullPrefix(ctx.config.redis.prefix),
      queueName: QUEUE_NAMES.dingtalkMessages,
      inbound: inboundFor(inbound),
      logger,
    });
    return robotMessages;
  };

  const supervisors: StreamSupervisor[] = [];
  const startStream = async (inbound: InboundHandler, topics: readonly string[]) => {
    const supervisor = new StreamSupervisor({
      clientId: dt.clientId,
      clientSecret: dt.clientSecret,
      gatewayUrl: dt.gatewayUrl,
      topics,
      onCallback: createStreamReceiver(inboundFor(inbound), robotMessagesFor(inbound), logger),
      logger,
      backoff: { baseMs: dt.reconnectBaseMs, maxMs: dt.reconnectMaxMs },
      healthCheckMs: dt.healthCheckMs,
      staleAfterMs: dt.staleAfterMs,
    });
    supervisors.push(supervisor);
    await supervisor.start();
    return { close: () => supervisor.stop() };
  };
  const common = {
    platform: 'dingtalk' as const,
    chatPlatform,
    contacts: createDingTalkContacts({ oapiBase: dt.oapiBase, http, tokens }),
    registerMetrics: (registry: Registry) =>
      registerApiQuotaMetrics(registry, quota, dt.monthlyQuota),
    async close() {
      await Promise.all(supervisors.map((s) => s.stop()));
      await robotMessages?.close();
    },
  };
  if (dt.mode === 'stream') {
    return {
      ...common,
      startInbound: (inbound) => startStream(inbound, [TOPIC_ROBOT, TOPIC_CARD]),
    };
  }
  return {
    ...common,
    routes: (inbound) =>
      dingtalkRobotRoute({
        appSecret: dt.clientSecret,
        windowMs: dt.callbackWindowS * 1000,
        replayGuard: createRedisReplayGuard(redis, `${keys}:replay`),
        robotMessages: robotMessagesFor(inbound),
        now,
        logger,
      }),
    // Card taps come only over Stream (cards are created with callbackType STREAM), so HTTP
    // mode still opens a Stream connection for them when cards are on.
    ...(dt.cardTemplateId
      ? { startInbound: (inbound: InboundHandler) => startStream(inbound, [TOPIC_CARD]) }
      : {}),
  };
}

/** The organisation, through the database's organisation cache. */
function cachedOrg(ctx: PlatformModuleContext): () => Promise<Org> {
  const db = ctx.infra.database.db;
  const store = cachedOrgStore(db, createOrgStore(db));
  return async () => {
    const org = await store.loadOrg('default');
    if (!org) throw new Error('no organisation loaded; import the org file first');
    return org;
  };
}
