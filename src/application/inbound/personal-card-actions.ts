import { type Card, isPersonalCardAction } from '../../../cards/card.types.js';
import { assertExhaustive } from '../../domain/shared/assert-exhaustive.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { InboundCardAction } from '../../ports/inbound-event.types.js';
import { switchDigest } from '../digest/digest-switch.js';
import { rateTask, ratingThanks } from '../rating/rate-task.usecase.js';
import type { CommandScope } from './engine-context.js';
import { replyText } from './replies.js';

/**
 * Buttons on a person's own cards (rating request, daily digest). Returns the card as it is
 * now, or null when the action is not one of these (a task card's button). A rating is
 * acknowledged in the chat too, as platforms may not show the updated card at once.
 */
export async function runPersonalCardAction(
  scope: CommandScope,
  event: InboundCardAction,
): Promise<Card | null> {
  const actionId = event.actionId;
  if (!isPersonalCardAction(actionId)) return null;
  switch (actionId) {
    case 'rating.score': {
      const score = Number(event.value.score);
      const task = event.value.taskId
        ? await scope.uow.tasks.lockById(scope.tenantId, event.value.taskId)
        : null;
      if (!task || !Number.isInteger(score) || score < 1 || score > 5)
        throw new DomainError('card.unknown_action', '这个按钮已失效，请发送 /评分 #编号 1-5。');
      const card = await rateTask(scope, task, score, null);
      await replyText(scope, ratingThanks(task, score), 'rating-thanks');
      return card;
    }
    case 'digest.off':
    case 'digest.on':
      return switchDigest(scope, actionId === 'digest.on');
    default:
      return assertExhaustive(actionId);
  }
}
