import type { TaskRef } from '../../domain/command/command.types.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Task, TaskNode } from '../../domain/task/task.types.js';
import { isNodeOpen, nodeRef } from '../../domain/task/task-status.models.js';
import type { CommandScope } from './engine-context.js';

export async function lockTask(scope: CommandScope, ref: TaskRef): Promise<Task> {
  const task = await scope.uow.tasks.lockByNumber(scope.tenantId, ref.task);
  if (!task) throw new DomainError('task.not_found', `没有找到任务 #${ref.task}。`);
  return task;
}

/**
 * The node a command acts on: the one written (`#12.2`); else the sender's only open node in
 * the task (`#12`) or anywhere (no reference). Asks which one when there are several.
 */
export async function targetNode(
  scope: CommandScope,
  ref: TaskRef | null,
): Promise<{ task: Task; node: TaskNode }> {
  if (ref?.node != null) {
    const task = await lockTask(scope, ref);
    const node = task.nodes.find((n) => n.seq === ref.node);
    if (!node)
      throw new DomainError(
        'task.node_not_found',
        `任务 #${task.number} 没有第 ${ref.node} 个节点。`,
      );
    return { task, node };
  }
  if (ref) {
    const task = await lockTask(scope, ref);
    const open = task.nodes.filter((n) => isNodeOpen(n.status));
    const mine = open.filter((n) => n.owners.some((o) => o.personId === scope.sender.id));
    const candidates = mine.length > 0 ? mine : open;
    return onlyOne(candidates.map((node) => ({ task, node })));
  }
  const owned = await scope.uow.tasks.findOpenNodesOwnedBy(scope.tenantId, scope.sender.id);
  const chosen = onlyOne(owned);
  const task = await lockTask(scope, { task: chosen.task.number, node: null });
  return { task, node: task.nodes.find((n) => n.id === chosen.node.id) as TaskNode };
}

function onlyOne(found: readonly { task: Task; node: TaskNode }[]): { task: Task; node: TaskNode } {
  const [first, ...rest] = found;
  if (!first)
    throw new DomainError('task.no_open_node', '你现在没有进行中的节点。请写上编号，例如 #12.1。');
  if (rest.length > 0) {
    const refs = found.map(({ task, node }) => `${nodeRef(task, node)} ${node.title}`).join('、');
    throw new DomainError(
      'task.which_node',
      `你有多个进行中的节点：${refs}。请写上编号，例如 ${nodeRef(first.task, first.node)}。`,
    );
  }
  return first;
}
