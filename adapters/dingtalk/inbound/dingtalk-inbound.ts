import type { Logger } from 'pino';
import type { Card } from '../../../cards/card.types.js';
import type { Org } from '../../../src/domain/org/org.types.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import type { SessionWebhooks } from '../openapi/session-webhooks.js';
import { toCardAction } from './card-callback.mapper.js';
import { cardCallbackSchema } from './card-callback.schema.js';
import { toInboundMessage } from './robot-message.mapper.js';
import { robotMessageSchema } from './robot-message.schema.js';

export interface DingTalkInboundDeps {
  readonly inbound: InboundHandler;
  readonly sessions: SessionWebhooks;
  /** The organisation, to settle @-mentions. */
  readonly loadOrg: () => Promise<Pick<Org, 'people' | 'departments'>>;
  readonly now: () => Date;
  readonly logger: Logger;
}

/**
 * Takes robot messages and card taps, from Stream or HTTP, into the engine. The engine
 * de-duplicates by message id, so DingTalk's redeliveries have one effect.
 */
export function createDingTalkInbound(deps: DingTalkInboundDeps) {
  return {
    /** A robot message; resolves once the engine has accepted it. */
    async robotMessage(raw: unknown): Promise<void> {
      const parsed = robotMessageSchema.safeParse(raw);
      if (!parsed.success) {
        deps.logger.warn(
          { issues: parsed.error.issues.length },
          'unreadable DingTalk robot message',
        );
        return;
      }
      const now = deps.now();
      const message = toInboundMessage(parsed.data, await deps.loadOrg(), now);
      if (!message) return;
      if (message.replyHandle) {
        await deps.sessions.remember(
          message.chat.isGroup
            ? { kind: 'chat', chatId: message.chat.chatId }
            : { kind: 'person', platformUserId: message.sender.platformUserId },
          message.replyHandle.value,
          message.replyHandle.expiresAt,
          now,
        );
      }
      const outcome = await deps.inbound.handle(message);
      deps.logger.debug(
        { msgId: message.messageId, duplicate: outcome.duplicate },
        'robot message',
      );
    },

    /** A card tap; resolves with the card as it is now when the tap changed its task. */
    async cardCallback(raw: unknown, eventId: string): Promise<Card | null> {
      const parsed = cardCallbackSchema.safeParse(raw);
      if (!parsed.success) {
        deps.logger.warn(
          { issues: parsed.error.issues.length },
          'unreadable DingTalk card callback',
        );
        return null;
      }
      const action = toCardAction(parsed.data, eventId, deps.now());
      if (!action) return null;
      return (await deps.inbound.handle(action)).updatedCard;
    },
  };
}

export type DingTalkInbound = ReturnType<typeof createDingTalkInbound>;
