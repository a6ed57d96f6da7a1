import type { NodeStatus, Task, TaskNode, TaskStatus } from './task.types.js';

export const isTaskOpen = (task: Pick<Task, 'status'>): boolean => task.status === 'open';

export function isTaskTerminal(status: TaskStatus): boolean {
  return status !== 'open';
}

/** The node is someone's to act on now (its clock may be paused). */
export function isNodeOpen(status: NodeStatus): boolean {
  return status === 'active' || status === 'paused';
}

export function isNodeFinished(status: NodeStatus): boolean {
  return status === 'done' || status === 'approved';
}

/** The node counts as late at `now`: open, past its deadline and not paused. */
export function isNodeLate(node: TaskNode, now: Date): boolean {
  return node.status === 'active' && node.dueAt !== null && node.dueAt.getTime() < now.getTime();
}

export function nodeRef(task: Pick<Task, 'number'>, node: Pick<TaskNode, 'seq'>): string {
  return `#${task.number}.${node.seq}`;
}
