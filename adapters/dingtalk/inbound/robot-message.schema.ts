import { z } from 'zod';

const atUser = z.object({
  dingtalkId: z.string(),
  staffId: z.string().optional(),
});

const richTextItem = z.object({ text: z.string().optional() }).loose();

/** The robot message DingTalk pushes over Stream (`/v1.0/im/bot/messages/get`) or HTTP. */
export const robotMessageSchema = z
  .object({
    msgId: z.string().min(1),
    msgtype: z.string(),
    conversationId: z.string().min(1),
    /** "1": private chat with the robot, "2": group. */
    conversationType: z.enum(['1', '2']),
    senderStaffId: z.string().optional(),
    senderNick: z.string().optional(),
    senderCorpId: z.string().optional(),
    chatbotUserId: z.string().optional(),
    chatbotCorpId: z.string().optional(),
    atUsers: z.array(atUser).default([]),
    text: z.object({ content: z.string() }).optional(),
    content: z
      .object({ richText: z.array(richTextItem).optional() })
      .loose()
      .optional(),
    // A malformed one is dropped, not the message: replies then go through the OpenAPI.
    sessionWebhook: z.url().optional().catch(undefined),
    sessionWebhookExpiredTime: z.coerce.number().optional(),
    createAt: z.coerce.number().optional(),
  })
  .loose();

export type RobotMessage = z.infer<typeof robotMessageSchema>;
export type AtUser = z.infer<typeof atUser>;
