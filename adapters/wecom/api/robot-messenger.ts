import type { OutboundMessage, SentMessage } from '../../../src/ports/chat-platform.port.js';
import { renderWecomMarkdown, WEBHOOK_MARKDOWN_BYTES } from '../render/markdown.render.js';
import type { WecomWebhookClient } from './wecom-webhook.client.js';

const NOT_UPDATABLE: SentMessage = {
  messageId: null,
  responseCode: null,
  responseCodeExpiresAt: null,
  cardRef: null,
};

/**
 * A coordination chat's group robot: markdown only (robot cards cannot carry callback buttons),
 * buttons become commands to type and mentions `<@userid>`. The 20-a-minute limit is the
 * engine's per-chat budget; a 45009 here still backs off as rate-limited.
 */
export function createRobotMessenger(deps: { webhook: WecomWebhookClient }) {
  return {
    async send(webhookKey: string, message: OutboundMessage): Promise<SentMessage> {
      await deps.webhook.sendMarkdown(
        webhookKey,
        renderWecomMarkdown(message, WEBHOOK_MARKDOWN_BYTES),
      );
      return NOT_UPDATABLE;
    },
  };
}
