import type { NodeStatus, Task, TaskNode, TaskStatus } from './task.types.js';

/** The task still runs: people can act on it. */
export const isTaskOpen = (task: Pick<Task, 'status'>): boolean => task.status === 'open';

/** Done, cancelled or rejected: nothing changes a terminal task any more. */
export function isTaskTerminal(status: TaskStatus): boolean {
  return status !== 'open';
}

/** The node is someone's to act on now (its clock may be paused). */
export function isNodeOpen(status: NodeStatus): boolean {
  return status === 'active' || status === 'paused';
}

/** The node's clock runs: owners can decide on it and the scheduler pings it. */
export function isNodeActionable(status: NodeStatus): boolean {
  return status === 'active';
}

/** Done or approved: the node let the baton pass. */
export function isNodeFinished(status: NodeStatus): boolean {
  return status === 'done' || status === 'approved';
}

/** The node counts as late at `now`: open, past its deadline and not paused. */
export function isNodeLate(node: TaskNode, now: Date): boolean {
  return node.status === 'active' && node.dueAt !== null && node.dueAt.getTime() < now.getTime();
}

/** How people refer to a node in chat: `#12.2`. */
export function nodeRef(task: Pick<Task, 'number'>, node: Pick<TaskNode, 'seq'>): string {
  return `#${task.number}.${node.seq}`;
}
