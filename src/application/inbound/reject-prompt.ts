import type { Card } from '../../../cards/card.types.js';
import { rejectReasonCard } from '../../../cards/reject-reason-card.builder.js';
import { taskCard } from '../../../cards/task-card.builder.js';
import { applyTaskAction } from '../../domain/task/task.state-machine.js';
import type { Task } from '../../domain/task/task.types.js';
import { nodeRef } from '../../domain/task/task-status.models.js';
import type { CommandScope } from './engine-context.js';
import { reply, replyText } from './replies.js';
import { taskContext } from './task-commands.js';

/**
 * 驳回 tapped without a reason: asks for one, with the usual reasons as buttons, or (after
 * 其他原因) as a reply. Refused first exactly as the rejection would be, so nobody is asked for
 * a reason they may not give. Returns the clicked card, unchanged.
 */
export async function askRejectReason(
  scope: CommandScope,
  task: Task,
  nodeId: string,
  inWords: boolean,
): Promise<Card> {
  applyTaskAction(task, { type: 'reject', nodeId, reason: '—' }, taskContext(scope));
  const node = task.nodes.find((n) => n.id === nodeId);
  if (!node) return taskCard(task, scope.card);
  const prompt = rejectReasonCard(task, node);
  if (inWords) {
    const ref = nodeRef(task, node);
    await replyText(scope, `请回复驳回原因，例如：/驳回 ${ref} 报价缺少明细`, 'reject-reason');
    return prompt;
  }
  await reply(scope, { kind: 'card', card: prompt, mentions: [] }, 'reject-reason');
  return taskCard(task, scope.card);
}
