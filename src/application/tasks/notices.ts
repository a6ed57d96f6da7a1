import type { CardContext } from '../../../cards/card-context.js';
import { describeExtensionRequest } from '../../../cards/extension-request.text.js';
import { unloadedScheduleNote } from '../../domain/calendar/calendar-notice.js';
import { formatDeadline } from '../../domain/deadline/deadline.formatter.js';
import { formatElapsed } from '../../domain/shared/elapsed.formatter.js';
import type { NoticeDetail, NoticeReason, PingKind } from '../../domain/task/task.effects.js';
import type { Task, TaskNode } from '../../domain/task/task.types.js';
import { isNodeLate, nodeRef } from '../../domain/task/task-status.models.js';

const NOTICE_TEXT: Record<NoticeReason, string> = {
  activated: '轮到你了',
  nudged: '有人催办',
  transferred: '节点已转交给你',
  reworked: '节点被退回，需要重新处理',
  reset: '节点暂停，等待返工后重新开始',
  rejected: '节点被驳回',
  copied: '任务抄送给你',
  'extension-requested': '有人申请延期，请审批',
  'extension-approved': '延期已批准',
  'extension-denied': '延期未获批准',
  paused: '节点已挂起',
  escalated: '任务已升级到协调群',
  done: '任务已完成',
  cancelled: '任务已撤销',
};

function deadlineText(node: TaskNode, ctx: CardContext): string {
  if (!node.dueAt) return '';
  const note = unloadedScheduleNote(ctx.calendar, [node.dueAt]);
  const due = formatDeadline(node.dueAt, { now: ctx.now, calendar: ctx.calendar });
  return `，截止 ${due}${note ? `（${note}）` : ''}`;
}

/** One line telling someone what happened to a task or node (who acted and why, when known). */
export function noticeText(
  reason: NoticeReason,
  task: Task,
  node: TaskNode | null,
  ctx: CardContext,
  detail?: NoticeDetail,
): string {
  const subject = node ? `${nodeRef(task, node)} ${node.title}` : `#${task.number} ${task.title}`;
  if (reason === 'escalated') return escalationNotice(task, node, ctx, detail);
  const request = reason === 'extension-requested' ? describeExtensionRequest(task, ctx) : null;
  if (request) return `【接力】${request}。请在卡片上批准或拒绝。`;
  const due = node && reason !== 'reset' && reason !== 'rejected' ? deadlineText(node, ctx) : '';
  return `【接力】${NOTICE_TEXT[reason]}：${subject}${due}${detailText(reason, task, ctx, detail)}`;
}

/** Who acted and what their words are called, per notice. */
const NOTICE_ROLES: Partial<Record<NoticeReason, { who: string; why: string }>> = {
  transferred: { who: '转交人', why: '原因' },
  copied: { who: '抄送人', why: '附言' },
  nudged: { who: '催办人', why: '留言' },
  'extension-denied': { who: '审批人', why: '原因' },
};

function detailText(
  reason: NoticeReason,
  task: Task,
  ctx: CardContext,
  detail: NoticeDetail | undefined,
): string {
  if (!detail) return '';
  const by = detail.by ? ctx.nameOf(detail.by) : '系统';
  const about = task.nodes.find((n) => n.id === detail.aboutNodeId);
  if (reason === 'rejected') {
    const next = task.status === 'rejected' ? '任务已关闭。' : '任务已退回上一步重新处理。';
    return `。驳回人：${by}，原因：${detail.reason}。${next}`;
  }
  if (about) {
    return `。因 ${nodeRef(task, about)} ${about.title} 被${by}驳回，原因：${detail.reason}`;
  }
  const role = NOTICE_ROLES[reason] ?? { who: '操作人', why: '原因' };
  return `。${role.who}：${by}${detail.reason ? `，${role.why}：${detail.reason}` : ''}`;
}

/**
 * A task raised to the coordination chat by a person: who and why, the node it is about (or the
 * late ones), each with its owners and how late, and where to see it.
 */
function escalationNotice(
  task: Task,
  node: TaskNode | null,
  ctx: CardContext,
  detail: NoticeDetail | undefined,
): string {
  const by = detail?.by ? ctx.nameOf(detail.by) : '系统';
  const why = detail?.reason ? `，原因：${detail.reason}` : '';
  const late = task.nodes.filter((n) => isNodeLate(n, ctx.now));
  const about = node
    ? [node]
    : late.length > 0
      ? late
      : task.nodes.filter((n) => n.status === 'active');
  const nodes = about.map((n) => `\n· ${nodeLine(task, n, ctx)}`).join('');
  return `【接力】任务已升级到协调群：#${task.number} ${task.title}。升级人：${by}${why}${nodes}\n查看：${taskLink(task, ctx)}`;
}

/** `#1.2 费用审批（负责人：李四，已超时 2天9小时）`; a node not late gives its deadline. */
function nodeLine(task: Task, node: TaskNode, ctx: CardContext): string {
  const owners = node.owners.map((o) => ctx.nameOf(o.personId)).join('、');
  const state =
    isNodeLate(node, ctx.now) && node.dueAt
      ? `已超时 ${formatElapsed(ctx.now.getTime() - node.dueAt.getTime())}`
      : node.dueAt
        ? `截止 ${formatDeadline(node.dueAt, { now: ctx.now, calendar: ctx.calendar })}`
        : node.deadline.text;
  return `${nodeRef(task, node)} ${node.title}（负责人：${owners}，${state}）`;
}

function taskLink(task: Task, ctx: CardContext): string {
  return `${ctx.publicUrl}/tasks/${task.id}`;
}

/** The requester's word that a ping took their task to the coordination chat. */
export function escalatedToRequesterText(task: Task, node: TaskNode, ctx: CardContext): string {
  return `【接力】你发起的任务 #${task.number} ${task.title} 已升级到协调群：${nodeLine(task, node, ctx)}。查看：${taskLink(task, ctx)}`;
}

/** The text of a scheduled ping. */
export function pingText(
  kind: PingKind,
  level: number,
  task: Task,
  node: TaskNode,
  ctx: CardContext,
): string {
  const subject = `${nodeRef(task, node)} ${node.title}`;
  const owners = node.owners.map((o) => ctx.nameOf(o.personId)).join('、');
  switch (kind) {
    case 'remind':
      return `⏰【提醒】${subject} 即将到期${deadlineText(node, ctx)}。负责人：${owners}`;
    case 'response-check':
      return `⏰【未响应】${subject} 还没有回应，请负责人 ${owners} 尽快确认（回复 /收到 ${nodeRef(task, node)}）`;
    case 'escalate': {
      const late = node.dueAt
        ? `，已超时 ${formatElapsed(ctx.now.getTime() - node.dueAt.getTime())}`
        : '';
      return `🔺【超时升级 第${level}级】${subject} 已超过截止时间${deadlineText(node, ctx)}${late}，负责人：${owners}。任务 #${task.number} ${task.title}\n原因：节点超时未完成。查看：${taskLink(task, ctx)}`;
    }
  }
}

/**
 * Added to a ping that fires well after its moment (Baton or Redis was down then), so nobody
 * reads an old reminder as a fresh one.
 */
export function lateNote(dueAt: Date, ctx: CardContext): string {
  return `（本应在 ${formatDeadline(dueAt, { now: ctx.now, calendar: ctx.calendar })} 发出，系统恢复后补发）`;
}
