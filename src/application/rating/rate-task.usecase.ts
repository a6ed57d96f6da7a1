import type { Card } from '../../../cards/card.types.js';
import { ratingCard } from '../../../cards/rating-card.builder.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Task } from '../../domain/task/task.types.js';
import type { CommandScope } from '../inbound/engine-context.js';

/** A rating can be changed for this long after it was first given. */
export const RATING_CHANGE_WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * The requester rates a finished task 1–5, by a card button or `/评分 #12 5 很及时`. One rating
 * per task; a second one within a week replaces the first. Returns the rating card as it is now.
 */
export async function rateTask(
  scope: CommandScope,
  task: Task,
  score: number,
  comment: string | null,
): Promise<Card> {
  if (task.creatorId !== scope.sender.id)
    throw new DomainError('rating.not_requester', `只有发起人可以为任务 #${task.number} 评分。`);
  if (task.status !== 'done')
    throw new DomainError('rating.not_done', `任务 #${task.number} 还没有完成，完成后再评分。`);
  const previous = await scope.uow.ratings.find(task.id);
  if (previous && scope.now.getTime() - previous.createdAt.getTime() > RATING_CHANGE_WINDOW_MS)
    throw new DomainError('rating.locked', `任务 #${task.number} 的评分已超过一周，不能再修改。`);
  const kept = comment ?? previous?.comment ?? null;
  await scope.uow.ratings.save({
    taskId: task.id,
    personId: scope.sender.id,
    score,
    comment: kept,
  });
  await scope.uow.appendEvents(scope.tenantId, task.id, scope.platform, [
    {
      type: previous ? 'task.rating_changed' : 'task.rated',
      nodeId: null,
      actorId: scope.sender.id,
      data: { score, previous: previous?.score ?? null, comment: kept !== null },
    },
  ]);
  return ratingCard(task, { score, comment: kept });
}

/** The reply to a rating. */
export function ratingThanks(task: Task, score: number): string {
  return `感谢评分！任务 #${task.number} ${task.title}：${score} 分。一周内可以修改。`;
}
