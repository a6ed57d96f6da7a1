import { DomainError } from '../shared/domain-error.js';

export const taskErrors = {
  noNodes: () => new DomainError('task.no_nodes', '任务至少要有一个节点。'),
  nodeWithoutOwner: (ref: string) =>
    new DomainError('task.node_without_owner', `节点 ${ref} 还没有负责人，请指定一位。`),
  closed: (ref: string, status: string) =>
    new DomainError('task.closed', `任务 ${ref} 已${status}，不能再操作。`),
  nodeNotFound: (taskRef: string) =>
    new DomainError('task.node_not_found', `任务 ${taskRef} 里没有这个节点。`),
  nodeNotActive: (ref: string, state: string) =>
    new DomainError('task.node_not_active', `节点 ${ref} ${state}，现在不能这样操作。`),
  notApproval: (ref: string) =>
    new DomainError('task.not_approval', `节点 ${ref} 不是审批节点，请用 /完成。`),
  isApproval: (ref: string) =>
    new DomainError('task.is_approval', `节点 ${ref} 是审批节点，请用 /同意 或 /驳回。`),
  forbidden: (what: string, who: string) =>
    new DomainError('task.forbidden', `抱歉，只有${who}可以${what}。`),
  alreadyDecided: (ref: string) =>
    new DomainError('task.already_decided', `你已经处理过节点 ${ref} 了，正在等其他负责人。`),
  alreadyOwner: (name: string, ref: string) =>
    new DomainError('task.already_owner', `${name} 已经是节点 ${ref} 的负责人了。`),
  nudgedRecently: (ref: string, minutes: number) =>
    new DomainError('task.nudged_recently', `节点 ${ref} 刚催办过，请 ${minutes} 分钟后再催。`),
  sendbackTarget: (ref: string) =>
    new DomainError('task.sendback_target', `只能退回到当前节点之前已完成的节点，${ref} 不行。`),
  noExtension: (ref: string) =>
    new DomainError('task.no_extension', `任务 ${ref} 没有待审批的延期申请。`),
  extensionPending: (ref: string) =>
    new DomainError('task.extension_pending', `任务 ${ref} 已有一个延期申请在等审批。`),
  notPaused: (ref: string) => new DomainError('task.not_paused', `节点 ${ref} 没有挂起。`),
  alreadyPaused: (ref: string) =>
    new DomainError('task.already_paused', `节点 ${ref} 已经挂起了。`),
  deadlineNotLater: (ref: string) =>
    new DomainError('task.deadline_not_later', `新的截止时间要晚于节点 ${ref} 现在的截止时间。`),
};
