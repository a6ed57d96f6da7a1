import { z } from 'zod';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { WebhookBody } from '../render/markdown-message.render.js';
import type { HttpJson } from './http-json.js';
import { webhookFailure } from './openapi-errors.js';

const webhookAnswer = z.object({ errcode: z.number(), errmsg: z.string().default('') });

/**
 * Posts to a classic robot webhook (a session webhook or a custom robot). They answer HTTP 200
 * with an `errcode`, so 200 alone does not mean sent.
 */
export async function postToWebhook(http: HttpJson, url: string, body: WebhookBody): Promise<void> {
  const answer = await http('POST', url, body);
  if (answer.status >= 500) {
    throw new ChatPlatformError('transient', `DingTalk webhook HTTP ${answer.status}`);
  }
  const parsed = webhookAnswer.safeParse(answer.body);
  if (!parsed.success) {
    throw new ChatPlatformError(
      'transient',
      `DingTalk webhook HTTP ${answer.status}: unexpected answer`,
    );
  }
  const failure = webhookFailure(parsed.data.errcode, parsed.data.errmsg);
  if (failure) throw failure;
}

/** A coordination chat's `webhookKey` for DingTalk: `<access_token>` or `<access_token>:<加签 secret>`. */
export function parseWebhookKey(webhookKey: string): {
  accessToken: string;
  secret: string | null;
} {
  const at = webhookKey.indexOf(':');
  return at < 0
    ? { accessToken: webhookKey, secret: null }
    : { accessToken: webhookKey.slice(0, at), secret: webhookKey.slice(at + 1) || null };
}
