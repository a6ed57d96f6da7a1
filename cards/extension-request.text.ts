import { formatDeadline } from '../src/domain/deadline/deadline.formatter.js';
import { requestedDueAt } from '../src/domain/task/node-extension.transitions.js';
import type { Task } from '../src/domain/task/task.types.js';
import { nodeRef } from '../src/domain/task/task-status.models.js';
import type { CardContext } from './card-context.js';

/**
 * The pending extension request in words: who asks, for which node, from which deadline to
 * which, and why (`张三申请把 #1.1 联系供应商 的截止时间从 今天 11:00 延到 今天 13:00，原因：等报价`).
 */
export function describeExtensionRequest(task: Task, ctx: CardContext): string | null {
  const request = task.pendingExtension;
  const node = task.nodes.find((n) => n.id === request?.nodeId);
  if (!request || !node) return null;
  const format = (at: Date) => formatDeadline(at, { now: ctx.now, calendar: ctx.calendar });
  const asked = format(requestedDueAt(task, request, ctx.calendar));
  const from = node.dueAt ? `从 ${format(node.dueAt)} ` : '';
  return `${ctx.nameOf(request.requestedBy)}申请把 ${nodeRef(task, node)} ${node.title} 的截止时间${from}延到 ${asked}，原因：${request.reason}`;
}
