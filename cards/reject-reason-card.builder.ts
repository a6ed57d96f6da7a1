import type { Task, TaskNode } from '../src/domain/task/task.types.js';
import { nodeRef } from '../src/domain/task/task-status.models.js';
import type { Card, CardAction } from './card.types.js';

/** The usual reasons offered when 驳回 is tapped; 其他原因 asks for the reason in words. */
export const REJECT_REASONS = ['资料不全', '不符合要求', '超出预算', '需要重新处理'] as const;

/**
 * Asks the approver who tapped 驳回 why: a button per usual reason (each rejects with it) and
 * 其他原因 (which asks for a reply), since the requester and the owners sent back are told.
 * Once a reason was `chosen`, the card says so and has no buttons left.
 */
export function rejectReasonCard(task: Task, node: TaskNode, chosen: string | null = null): Card {
  const ref = nodeRef(task, node);
  const value = { taskId: task.id, nodeId: node.id };
  const choices: CardAction[] = REJECT_REASONS.map((reason) => ({
    actionId: 'node.reject',
    label: reason,
    style: 'danger',
    value: { ...value, reason },
    command: `/驳回 ${ref} ${reason}`,
  }));
  if (chosen) {
    return {
      key: `reject-${node.id}`,
      tone: 'danger',
      title: `已驳回 ${ref} ${node.title}`,
      subtitle: `#${task.number} ${task.title}`,
      fields: [{ label: '原因', value: chosen }],
      steps: [],
      note: null,
      actions: [],
      link: null,
      mentions: [],
    };
  }
  return {
    key: `reject-${node.id}`,
    tone: 'warning',
    title: `驳回 ${ref} ${node.title}`,
    subtitle: `#${task.number} ${task.title}`,
    fields: [],
    steps: [],
    note: '请选择驳回原因，发起人和需要返工的负责人会看到。也可以直接回复：/驳回 编号 原因',
    actions: [
      ...choices,
      {
        actionId: 'node.reject.other',
        label: '其他原因',
        style: 'default',
        value,
        command: `/驳回 ${ref} <原因>`,
      },
    ],
    link: null,
    mentions: [],
  };
}
