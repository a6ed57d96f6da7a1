import { TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import type { FakeDingTalk } from './fake-dingtalk.js';

export const BOT_ID = '$:LWCP_v1:$botbotbot';
export const OFFICE = 'cidOffice==';

let counter = 0;

/** A robot message as DingTalk pushes it: the bot's own mention already cut from the text. */
export function robotMessage(
  fake: FakeDingTalk,
  options: {
    text: string;
    senderStaffId: string;
    conversationId?: string;
    group?: boolean;
    atStaffIds?: readonly string[];
    msgId?: string;
  },
) {
  const now = Date.now();
  const group = options.group ?? true;
  return {
    msgId: options.msgId ?? `msg${++counter}${now}`,
    msgtype: 'text',
    text: { content: group ? ` ${options.text}` : options.text },
    conversationId: options.conversationId ?? OFFICE,
    conversationType: group ? '2' : '1',
    conversationTitle: '办公室',
    senderStaffId: options.senderStaffId,
    senderNick: 'someone',
    senderCorpId: 'dingcorp',
    senderId: '$:LWCP_v1:$sender',
    chatbotUserId: BOT_ID,
    chatbotCorpId: 'dingcorp',
    robotCode: 'dingfakeclientid',
    isInAtList: true,
    isAdmin: false,
    atUsers: [
      ...(group ? [{ dingtalkId: BOT_ID }] : []),
      ...(options.atStaffIds ?? []).map((staffId) => ({ dingtalkId: `$:${staffId}`, staffId })),
    ],
    sessionWebhook: `${fake.url}/robot/sendBySession?session=s${counter}`,
    sessionWebhookExpiredTime: now + 90 * 60 * 1000,
    createAt: now,
  };
}

/** Pushes a robot message over the fake Stream gateway; returns the frame's messageId. */
export function sayInDingTalk(
  fake: FakeDingTalk,
  message: ReturnType<typeof robotMessage>,
): string {
  return fake.gateway.push('CALLBACK', TOPIC_ROBOT, message);
}

/** A tap on a card button: the card platform's callback with the button's 回传参数. */
export function tapCard(
  fake: FakeDingTalk,
  options: { outTrackId: string; userId: string; params: Record<string, string>; spaceId?: string },
): string {
  return fake.gateway.push('CALLBACK', TOPIC_CARD, {
    outTrackId: options.outTrackId,
    userId: options.userId,
    userIdType: 1,
    corpId: 'dingcorp',
    type: 'actionCallback',
    spaceType: 'IM_GROUP',
    spaceId: options.spaceId ?? OFFICE,
    extension: '{}',
    content: JSON.stringify({
      cardPrivateData: { actionIds: ['button'], params: options.params },
    }),
  });
}
