import type { InboundCardAction } from '../../../src/ports/inbound-event.types.js';
import type { CardCallback } from './card-callback.schema.js';

/**
 * A card tap as the engine's neutral card action. The button's 回传参数 carry `actionId` and the
 * action's value (task and node ids), as the card renderer put them there. Null when the tap
 * does not come from one of Baton's buttons.
 */
export function toCardAction(
  callback: CardCallback,
  eventId: string,
  receivedAt: Date,
): InboundCardAction | null {
  const { actionId, ...rest } = callback.content.cardPrivateData.params;
  if (typeof actionId !== 'string') return null;
  const value = Object.fromEntries(
    Object.entries(rest).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
  const inGroup = callback.spaceType === 'IM_GROUP' && callback.spaceId;
  return {
    type: 'card-action',
    platform: 'dingtalk',
    tenantKey: callback.corpId ?? null,
    eventId,
    chat: inGroup ? { chatId: callback.spaceId as string, isGroup: true } : null,
    user: { platformUserId: callback.userId, displayName: null },
    cardRef: callback.outTrackId,
    actionId,
    value,
    receivedAt,
    replyHandle: null,
  };
}
