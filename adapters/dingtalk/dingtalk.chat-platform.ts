import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Card } from '../../cards/card.types.js';
import {
  type ChatPlatform,
  ChatPlatformError,
  type Mention,
  type MessageTarget,
  type OutboundMessage,
  type SentMessage,
} from '../../src/ports/chat-platform.port.js';
import { signedWebhookUrl } from './dingtalk-sign.js';
import type { HttpJson } from './openapi/http-json.js';
import type { OpenApiCall } from './openapi/openapi-client.js';
import type { SessionWebhooks } from './openapi/session-webhooks.js';
import { parseWebhookKey, postToWebhook } from './openapi/webhook-send.js';
import { renderCardParams } from './render/card-params.render.js';
import { toOpenApiMessage, toWebhookBody } from './render/markdown-message.render.js';

export interface DingTalkSendDeps {
  readonly robotCode: string;
  readonly cardTemplateId: string | null;
  readonly oapiBase: string;
  readonly openApi: OpenApiCall;
  readonly http: HttpJson;
  readonly sessions: SessionWebhooks;
  /** The custom-robot webhook key of a coordination chat that has one. */
  readonly webhookKeyOf: (chatId: string) => Promise<string | null>;
  readonly now: () => Date;
  readonly logger: Logger;
}

const deliverAnswer = z.object({
  result: z
    .object({
      deliverResults: z
        .array(z.object({ success: z.boolean(), errorMsg: z.string().nullish() }))
        .default([]),
    })
    .optional(),
});

const batchAnswer = z.object({
  processQueryKey: z.string().nullish(),
  invalidStaffIdList: z.array(z.string()).default([]),
  flowControlledStaffIdList: z.array(z.string()).default([]),
});

const groupAnswer = z.object({ processQueryKey: z.string().nullish() });

/** Private robot messages take at most this many users a call. */
export const BATCH_SEND_LIMIT = 20;

/**
 * DingTalk as a chat platform. Cards go through the card platform when Baton's template is
 * configured (clickable, updated in place); otherwise, and for text, through the cheapest channel
 * that reaches the target: a coordination chat's custom robot, the conversation's session webhook
 * (no API quota), or the OpenAPI robot endpoints.
 */
export function createDingTalkChatPlatform(deps: DingTalkSendDeps): ChatPlatform {
  const cards = deps.cardTemplateId !== null;
  return {
    platform: 'dingtalk',
    capabilities: {
      interactiveCardsInGroups: cards,
      interactiveCardsInPrivate: cards,
      updateCardInPlace: cards,
      chatBudget: { messages: 20, windowMs: 60_000 },
    },
    async send(target, message) {
      const customRobot = target.kind === 'chat' ? await deps.webhookKeyOf(target.chatId) : null;
      if (customRobot) return sendByCustomRobot(deps, customRobot, message);
      if (message.kind === 'card' && deps.cardTemplateId) {
        return deliverCard(deps, deps.cardTemplateId, target, message.card, message.mentions);
      }
      if (await sendBySession(deps, target, message)) return sentMessage(null, null);
      if (target.kind === 'chat') return sendToGroup(deps, target.chatId, message);
      await batchSend(deps, [target.platformUserId], message);
      return sentMessage(null, null);
    },
    async updateCard(ref, _target, card) {
      if (!ref.cardRef || !deps.cardTemplateId) {
        throw new ChatPlatformError('permanent', 'no DingTalk card to update');
      }
      await deps.openApi('PUT', '/v1.0/card/instances', {
        outTrackId: ref.cardRef,
        cardData: { cardParamMap: renderCardParams(card) },
        cardUpdateOptions: { updateCardDataByKey: true },
      });
      return ref;
    },
  };
}

function sentMessage(messageId: string | null, cardRef: string | null): SentMessage {
  return { messageId, responseCode: null, responseCodeExpiresAt: null, cardRef };
}

async function sendByCustomRobot(
  deps: DingTalkSendDeps,
  webhookKey: string,
  message: OutboundMessage,
): Promise<SentMessage> {
  const { accessToken, secret } = parseWebhookKey(webhookKey);
  const url = signedWebhookUrl(deps.oapiBase, accessToken, secret, deps.now());
  await postToWebhook(deps.http, url, toWebhookBody(message));
  return sentMessage(null, null);
}

/** Creates a card instance and delivers it to a group or a private chat with the robot. */
async function deliverCard(
  deps: DingTalkSendDeps,
  templateId: string,
  target: MessageTarget,
  card: Card,
  mentions: readonly Mention[],
): Promise<SentMessage> {
  // Unique per posted copy: one task's card may be posted in several chats.
  const outTrackId = `${card.key}-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const space =
    target.kind === 'chat'
      ? {
          openSpaceId: `dtv1.card//IM_GROUP.${target.chatId}`,
          imGroupOpenSpaceModel: { supportForward: true },
          imGroupOpenDeliverModel: {
            robotCode: deps.robotCode,
            ...(mentions.length
              ? { atUserIds: Object.fromEntries(mentions.map((m) => [m.platformUserId, m.name])) }
              : {}),
          },
        }
      : {
          openSpaceId: `dtv1.card//IM_ROBOT.${target.platformUserId}`,
          imRobotOpenSpaceModel: { supportForward: true },
          imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: deps.robotCode },
        };
  const answer = deliverAnswer.parse(
    await deps.openApi('POST', '/v1.0/card/instances/createAndDeliver', {
      cardTemplateId: templateId,
      outTrackId,
      callbackType: 'STREAM',
      cardData: { cardParamMap: renderCardParams(card) },
      userIdType: 1,
      ...space,
    }),
  );
  const failed = answer.result?.deliverResults.find((r) => !r.success);
  if (failed) {
    throw new ChatPlatformError('permanent', `card not delivered: ${failed.errorMsg ?? 'unknown'}`);
  }
  return sentMessage(outTrackId, outTrackId);
}

/**
 * Sends through the conversation's session webhook while one is fresh (no API quota). False when
 * there is none or it was refused (expired early): the caller uses the OpenAPI instead.
 */
async function sendBySession(
  deps: DingTalkSendDeps,
  target: MessageTarget,
  message: OutboundMessage,
): Promise<boolean> {
  const session = await deps.sessions.get(target);
  if (!session) return false;
  try {
    await postToWebhook(deps.http, session, toWebhookBody(message));
    return true;
  } catch (err) {
    if (err instanceof ChatPlatformError && err.kind === 'rate-limited') throw err;
    deps.logger.info({ err }, 'session webhook refused; sending through the OpenAPI');
    await deps.sessions.forget(target);
    return false;
  }
}

/** A group message through the OpenAPI robot endpoint. */
async function sendToGroup(
  deps: DingTalkSendDeps,
  chatId: string,
  message: OutboundMessage,
): Promise<SentMessage> {
  const { msgKey, msgParam } = toOpenApiMessage(message);
  const answer = groupAnswer.parse(
    await deps.openApi('POST', '/v1.0/robot/groupMessages/send', {
      robotCode: deps.robotCode,
      openConversationId: chatId,
      msgKey,
      msgParam: JSON.stringify(msgParam),
    }),
  );
  return sentMessage(answer.processQueryKey ?? null, null);
}

/**
 * Private messages in calls of at most 20 users. A 200 answer can still leave people out:
 * unknown users are a permanent failure, throttled ones a rate limit.
 */
export async function batchSend(
  deps: Pick<DingTalkSendDeps, 'robotCode' | 'openApi'>,
  userIds: readonly string[],
  message: OutboundMessage,
): Promise<void> {
  const { msgKey, msgParam } = toOpenApiMessage(message);
  for (let i = 0; i < userIds.length; i += BATCH_SEND_LIMIT) {
    const answer = batchAnswer.parse(
      await deps.openApi('POST', '/v1.0/robot/oToMessages/batchSend', {
        robotCode: deps.robotCode,
        userIds: userIds.slice(i, i + BATCH_SEND_LIMIT),
        msgKey,
        msgParam: JSON.stringify(msgParam),
      }),
    );
    if (answer.invalidStaffIdList.length) {
      throw new ChatPlatformError(
        'permanent',
        `DingTalk does not know users ${answer.invalidStaffIdList.join(',')}`,
        { code: 'invalidStaffIdList' },
      );
    }
    if (answer.flowControlledStaffIdList.length) {
      throw new ChatPlatformError('rate-limited', 'DingTalk throttled private messages', {
        code: 'flowControlledStaffIdList',
        retryAfterMs: 60_000,
      });
    }
  }
}
