import {
  type SendMsgBody,
  type TemplateCard,
  WSAuthFailureError,
  WSClient,
  type WsFrame,
} from '@wecom/aibot-node-sdk';
import type { Logger } from 'pino';
import type { Card } from '../../../cards/card.types.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import type { WecomButtonCard } from '../render/template-card.types.js';
import type { LongConnectionConfig } from '../wecom.config.js';
import { type CardStates, cardDigest } from './card-states.js';
import { type ButtonKeyDecoder, toInboundCardAction, toInboundMessage } from './inbound-frames.js';
import { sdkLogger } from './sdk-logger.js';
import { sdkRejection } from './send-errors.js';

/** Renders the neutral card as the template_card posted under `taskId`. */
export type TemplateCardRenderer = (card: Card, taskId: string) => WecomButtonCard;

/**
 * The live long connection, in the one process that holds it: the official SDK's client, with
 * group @-commands and card clicks taken into the engine, and proactive sends.
 */
export function startBotSession(deps: {
  readonly config: LongConnectionConfig;
  readonly inbound: InboundHandler;
  readonly logger: Logger;
  readonly renderCard: TemplateCardRenderer;
  readonly decodeKey: ButtonKeyDecoder;
  readonly cardStates: CardStates;
  /** WeCom closed this connection because another one authenticated for the same bot. */
  readonly onKicked: () => void;
}) {
  const { logger } = deps;
  const client = new WSClient({
    botId: deps.config.botId,
    secret: deps.config.secret,
    ...(deps.config.wsUrl ? { wsUrl: deps.config.wsUrl } : {}),
    // The holder keeps trying for as long as it holds the lease.
    maxReconnectAttempts: -1,
    logger: sdkLogger(logger),
  });

  /** Nothing a handler throws may reach the SDK's emitter or become an unhandled rejection. */
  const guard = (what: string, handler: () => Promise<void>) => {
    handler().catch((err: unknown) =>
      logger.error(
        { err: err instanceof Error ? err.message : String(err), what },
        'a WeCom long-connection callback failed',
      ),
    );
  };

  /** WeCom does not send a frame again: the message is kept until workers have run it. */
  const onText = async (frame: WsFrame) => {
    const message = toInboundMessage(frame.body, new Date());
    if (!message) return;
    await deps.inbound.keep(message);
    logger.debug({ msgid: message.messageId }, 'WeCom message in');
  };

  /**
   * A click is answered inside WeCom's 5-second window by replacing the card under the same
   * task_id. The card state is marked first, so the engine's queued update of the same change
   * (handled by any process) waits for this answer instead of posting a second card.
   */
  const onClick = async (frame: WsFrame) => {
    const action = toInboundCardAction(frame.body, new Date(), deps.decodeKey);
    if (!action) {
      logger.info('ignored a WeCom card event that is not a Baton button');
      return;
    }
    await deps.cardStates.clickStarted(action.cardRef);
    let shown = false;
    try {
      const outcome = await deps.inbound.handle(action).catch(async (err: unknown) => {
        // Not run (PostgreSQL away): kept, so it runs later and updates the card in place then.
        await deps.inbound.keep(action);
        throw err;
      });
      if (!outcome.updatedCard) return;
      const card = deps.renderCard(outcome.updatedCard, action.cardRef);
      await client
        .updateTemplateCard(frame, card as unknown as TemplateCard)
        .catch((reason: unknown) => Promise.reject(sdkRejection(reason, 'update_template_card')));
      await deps.cardStates.shown(action.cardRef, cardDigest(outcome.updatedCard));
      shown = true;
    } finally {
      if (!shown) await deps.cardStates.clickFailed(action.cardRef);
    }
  };

  client.on('message.text', (frame) => guard('message', () => onText(frame)));
  client.on('event.template_card_event', (frame) => guard('card click', () => onClick(frame)));
  client.on('event.disconnected_event', () => {
    logger.error(
      { botId: deps.config.botId },
      'another connection took over this WeCom bot; is it configured in a second deployment?',
    );
    deps.onKicked();
  });
  client.on('authenticated', () => logger.info('WeCom long connection authenticated'));
  client.on('disconnected', (reason) => logger.warn({ reason }, 'WeCom long connection closed'));
  client.on('error', (err) => {
    if (err instanceof WSAuthFailureError) {
      // The SDK has stopped retrying: only an operator can fix the id or secret.
      logger.error(
        { botId: deps.config.botId },
        'WeCom refused the bot credentials; check WECOM_BOT_ID and WECOM_BOT_SECRET',
      );
    } else logger.warn({ err: err.message }, 'WeCom long connection error');
  });
  client.connect();

  return {
    /** A proactive send to a group chatid or a userid; resolves with its req_id. */
    async send(chatid: string, body: Record<string, unknown>): Promise<string> {
      try {
        const ack = await client.sendMessage(chatid, body as unknown as SendMsgBody);
        return ack.headers.req_id;
      } catch (reason) {
        throw sdkRejection(reason, 'aibot_send_msg');
      }
    },
    close() {
      client.removeAllListeners();
      client.disconnect();
    },
  };
}

export type BotSession = ReturnType<typeof startBotSession>;
