import type { Task } from '../src/domain/task/task.types.js';
import type { Card } from './card.types.js';

const STARS = ['', '⭐', '⭐⭐', '⭐⭐⭐', '⭐⭐⭐⭐', '⭐⭐⭐⭐⭐'] as const;

/** Asks the requester of a finished task for a 1–5 rating; shows the score once given. */
export function ratingCard(
  task: Task,
  given: { score: number; comment: string | null } | null,
): Card {
  const command = (score: number) => `/评分 #${task.number} ${score}`;
  return {
    key: `rating-${task.id}`,
    tone: given ? 'success' : 'info',
    title: `请为 #${task.number} ${task.title} 评分`,
    subtitle: given ? `你的评分：${STARS[given.score] ?? given.score}` : null,
    fields: given?.comment ? [{ label: '评价', value: given.comment }] : [],
    steps: [],
    note: `任务已完成，请为这次协作评分（5 分最满意）。想补充评价可发送：${command(5)} 很及时。一周内可以修改。`,
    actions: [1, 2, 3, 4, 5].map((score) => ({
      actionId: 'rating.score',
      label: `${score} 分`,
      style: given?.score === score ? 'primary' : 'default',
      value: { taskId: task.id, score: String(score) },
      command: command(score),
    })),
    link: null,
    mentions: [],
  };
}
