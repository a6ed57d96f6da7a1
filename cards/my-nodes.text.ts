import type { Task, TaskNode } from '../src/domain/task/task.types.js';
import type { CardContext } from './card-context.js';
import { stepOf } from './task-card.builder.js';

/**
 * One line of `/我的`, with the card's own deadline and state texts so both always agree:
 * `🔴 #1.2 费用审批 · 截止 今天 16:00 · 已超时 2小时`.
 */
export function myNodeLine(task: Task, node: TaskNode, ctx: CardContext): string {
  const step = stepOf(task, node, ctx);
  const mark = step.state === 'late' ? '🔴 ' : '';
  return `${mark}${step.ref} ${node.title} · 截止 ${step.deadline ?? '—'} · ${step.stateText}`;
}
