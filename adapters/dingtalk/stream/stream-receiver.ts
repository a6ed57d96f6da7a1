import { type DWClientDownStream, TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import type { Logger } from 'pino';
import type { Card } from '../../../cards/card.types.js';
import type { DingTalkInbound } from '../inbound/dingtalk-inbound.js';
import type { RobotMessageQueue } from '../inbound/robot-message-queue.js';
import { renderCardParams } from '../render/card-params.render.js';
import type { GatewayClient } from './gateway-client.js';

/** How long a card tap may take before it is acked without the updated card. */
const CARD_ACK_BUDGET_MS = 2_000;

/**
 * The Stream CALLBACK handler. Robot messages are acked at once and processed after, from the
 * robot-message queue, so DingTalk does not redeliver them while the engine works. Card taps wait briefly for the engine, so the
 * ack can carry the updated card; past the budget the ack goes empty and the engine's queued
 * card update does the job. Nothing here throws into the SDK.
 */
export function createStreamReceiver(
  inbound: DingTalkInbound,
  robotMessages: RobotMessageQueue,
  logger: Logger,
) {
  const failed = (what: string) => (err: unknown) =>
    logger.error(
      { err: err instanceof Error ? err.message : String(err) },
      `DingTalk ${what} failed`,
    );

  return (frame: DWClientDownStream, client: GatewayClient): void => {
    const { topic, messageId } = frame.headers;
    if (topic === TOPIC_CARD) {
      void answerCardTap(inbound, frame, client).catch(failed('card callback'));
      return;
    }
    client.socketCallBackResponse(messageId, null);
    if (topic !== TOPIC_ROBOT) return;
    let body: unknown;
    try {
      body = JSON.parse(frame.data);
    } catch {
      logger.warn({ messageId }, 'DingTalk robot frame without JSON data; ignored');
      return;
    }
    void robotMessages.take(body);
  };
}

async function answerCardTap(
  inbound: DingTalkInbound,
  frame: DWClientDownStream,
  client: GatewayClient,
): Promise<void> {
  const { messageId } = frame.headers;
  let acked = false;
  const ack = (card: Card | null) => {
    if (acked) return;
    acked = true;
    client.socketCallBackResponse(messageId, card ? cardUpdate(card) : null);
  };
  const timer = setTimeout(() => ack(null), CARD_ACK_BUDGET_MS);
  try {
    ack(await inbound.cardCallback(JSON.parse(frame.data), messageId));
  } finally {
    clearTimeout(timer);
    ack(null);
  }
}

/** The card update a callback's ack carries: the card's variables, merged by key. */
export function cardUpdate(card: Card) {
  return {
    cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true },
    cardData: { cardParamMap: renderCardParams(card) },
  };
}
