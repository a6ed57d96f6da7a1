import { taskErrors } from './task.errors.js';
import type { TaskNode } from './task.types.js';
import { isNodeActionable, isNodeOpen, nodeRef } from './task-status.models.js';
import type { Transition } from './transition.models.js';

/** How a refusal describes a node's state (`节点 #12.2 还没轮到，…`). */
const NODE_STATE_TEXT: Record<TaskNode['status'], string> = {
  pending: '还没轮到',
  active: '进行中',
  paused: '已挂起（请先恢复）',
  done: '已完成',
  approved: '已审批',
  rejected: '已驳回',
  cancelled: '已取消',
  skipped: '未执行（任务已结束）',
};

/** The task's node with this id. @throws DomainError `task.node_not_found`. */
export function knownNode(t: Transition, nodeId: string): TaskNode {
  const node = t.task.nodes.find((n) => n.id === nodeId);
  if (!node) throw taskErrors.nodeNotFound(`#${t.task.number}`);
  return node;
}

/** A node someone can act on now, paused or not. @throws DomainError `task.node_not_active`. */
export function openNode(t: Transition, nodeId: string): TaskNode {
  const node = knownNode(t, nodeId);
  if (!isNodeOpen(node.status))
    throw taskErrors.nodeNotActive(nodeRef(t.task, node), NODE_STATE_TEXT[node.status]);
  return node;
}

/**
 * A node whose clock runs: decisions and extension requests need one, so a paused node is
 * resumed first. @throws DomainError `task.node_not_active`.
 */
export function activeNode(t: Transition, nodeId: string): TaskNode {
  const node = openNode(t, nodeId);
  if (!isNodeActionable(node.status))
    throw taskErrors.nodeNotActive(nodeRef(t.task, node), NODE_STATE_TEXT[node.status]);
  return node;
}
