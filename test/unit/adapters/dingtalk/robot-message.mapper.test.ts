import { describe, expect, it } from 'vitest';
import { toInboundMessage } from '../../../../adapters/dingtalk/inbound/robot-message.mapper.js';
import { robotMessageSchema } from '../../../../adapters/dingtalk/inbound/robot-message.schema.js';

const org = { people: [], departments: [] };
const base = {
  msgId: 'msgA',
  msgtype: 'text',
  conversationId: 'cidX',
  conversationType: '2',
  senderStaffId: 'u1',
  senderNick: '张三',
  chatbotUserId: 'bot',
  atUsers: [{ dingtalkId: 'bot' }, { dingtalkId: 'd2', staffId: 'u2' }],
  text: { content: ' /任务 修空调' },
  sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=abc',
  sessionWebhookExpiredTime: 1_700_005_400_000,
};

describe('toInboundMessage', () => {
  it('trims the space the removed bot mention leaves and keys the message by msgId', () => {
    const message = toInboundMessage(robotMessageSchema.parse(base), org, new Date());
    expect(message?.text).toBe('/任务 修空调');
    expect(message?.messageId).toBe('msgA');
    expect(message?.chat).toEqual({ chatId: 'cidX', isGroup: true });
    expect(message?.sender).toEqual({ platformUserId: 'u1', displayName: '张三' });
    expect(message?.mentions).toEqual([{ platformUserId: 'u2', displayName: null }]);
    expect(message?.replyHandle?.expiresAt?.getTime()).toBe(1_700_005_400_000);
  });

  it('reads rich text and skips messages without words', () => {
    const rich = robotMessageSchema.parse({
      ...base,
      msgtype: 'richText',
      text: undefined,
      content: { richText: [{ text: ' /进度 ' }, { downloadCode: 'x' }, { text: '#3' }] },
    });
    expect(toInboundMessage(rich, org, new Date())?.text).toBe('/进度 #3');
    const picture = robotMessageSchema.parse({ ...base, msgtype: 'picture', text: undefined });
    expect(toInboundMessage(picture, org, new Date())).toBeNull();
  });

  it('treats a private chat as private', () => {
    const message = toInboundMessage(
      robotMessageSchema.parse({ ...base, conversationType: '1' }),
      org,
      new Date(),
    );
    expect(message?.chat.isGroup).toBe(false);
  });
});
