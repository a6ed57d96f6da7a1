import type { OutboundMessage } from '../../ports/chat-platform.port.js';
import type { CommandScope } from './engine-context.js';

/** Writes a reply to the conversation the command came from. */
export async function reply(
  scope: CommandScope,
  message: OutboundMessage,
  suffix = 'reply',
): Promise<void> {
  await scope.uow.enqueueDeliveries([
    {
      tenantId: scope.tenantId,
      taskId: null,
      nodeId: null,
      platform: scope.platform,
      target: scope.replyTo,
      purpose: 'reply',
      message,
      dedupeKey: `${scope.eventKey}-${suffix}`,
    },
  ]);
}

export const replyText = (scope: CommandScope, text: string, suffix?: string) =>
  reply(scope, { kind: 'text', text, mentions: [] }, suffix);
