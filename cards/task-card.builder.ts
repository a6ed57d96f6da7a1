import { unloadedScheduleNote } from '../src/domain/calendar/calendar-notice.js';
import { formatDeadline } from '../src/domain/deadline/deadline.formatter.js';
import { formatElapsed } from '../src/domain/shared/elapsed.formatter.js';
import type { Task, TaskNode } from '../src/domain/task/task.types.js';
import { isNodeLate, nodeRef } from '../src/domain/task/task-status.models.js';
import type { Card, CardAction, CardStep, CardStepState, CardTone } from './card.types.js';
import type { CardContext } from './card-context.js';
import { describeDeadlineSpec } from './deadline-spec.text.js';
import { describeExtensionRequest } from './extension-request.text.js';
import { heldPingLines } from './held-ping.text.js';

const TASK_STATUS_TEXT: Record<Task['status'], string> = {
  open: '进行中',
  done: '已完成',
  cancelled: '已撤销',
  rejected: '已驳回',
};

/** The task card: every node with its owners, deadline and state, and the buttons that apply now. */
export function taskCard(task: Task, ctx: CardContext): Card {
  const late = task.nodes.some((n) => isNodeLate(n, ctx.now));
  return {
    key: `task-${task.id}`,
    tone: toneOf(task, late),
    title: `${task.priority === 'urgent' ? '【紧急】' : ''}#${task.number} ${task.title}`,
    subtitle: `发起人：${ctx.nameOf(task.creatorId)} · ${TASK_STATUS_TEXT[task.status]}`,
    fields: [
      ...(task.eventDate ? [{ label: '活动日期', value: task.eventDate }] : []),
      ...(task.followers.length
        ? [{ label: '抄送', value: task.followers.map(ctx.nameOf).join('、') }]
        : []),
    ],
    steps: task.nodes.map((n) => stepOf(task, n, ctx)),
    note: noteOf(task, ctx),
    actions:
      task.status === 'open' ? [...extensionActions(task), ...actionsFor(task)].slice(0, 6) : [],
    link: { label: '在控制台查看', url: `${ctx.publicUrl}/tasks/${task.id}` },
    mentions: [],
  };
}

const OPEN_NODE_STATUSES: ReadonlySet<TaskNode['status']> = new Set([
  'pending',
  'active',
  'paused',
]);

function noteOf(task: Task, ctx: CardContext): string | null {
  const request = describeExtensionRequest(task, ctx);
  const extension = request ? `延期申请待发起人审批：${request}` : null;
  const rejected = task.nodes.find((n) => n.id === task.lastRejection?.nodeId);
  const rejection =
    rejected && task.lastRejection
      ? `${nodeRef(task, rejected)} ${rejected.title} 被${ctx.nameOf(task.lastRejection.by)}驳回：${task.lastRejection.reason}`
      : null;
  const openDeadlines = task.nodes.flatMap((n) =>
    n.dueAt && OPEN_NODE_STATUSES.has(n.status) ? [n.dueAt] : [],
  );
  const calendar = unloadedScheduleNote(ctx.calendar, openDeadlines);
  return (
    [rejection, extension, ...heldPingLines(task, ctx), calendar]
      .filter((line) => line !== null)
      .join('\n') || null
  );
}

function toneOf(task: Task, late: boolean): CardTone {
  if (task.status === 'done') return 'success';
  if (task.status === 'cancelled') return 'muted';
  if (task.status === 'rejected') return 'danger';
  return late ? 'warning' : 'info';
}

export function stepOf(task: Task, node: TaskNode, ctx: CardContext): CardStep {
  const state = stepState(node, ctx.now);
  return {
    ref: nodeRef(task, node),
    title: `${node.title}${node.kind === 'approval' ? '（审批）' : ''}`,
    owners: ownersText(node, ctx),
    deadline: node.dueAt
      ? formatDeadline(node.dueAt, { now: ctx.now, calendar: ctx.calendar })
      : describeDeadlineSpec(node.deadline, ctx),
    parallelWith: task.nodes
      .filter((n) => n.parallelGroup === node.parallelGroup && n.id !== node.id)
      .map((n) => nodeRef(task, n)),
    details: OPEN_STEP_STATES.has(state) ? detailsOf(node) : null,
    state,
    stateText: stateText(node, state, ctx.now),
  };
}

/** `张三✓、王五（后勤部）、李四（财务部）`: each run of owners of one department named once. */
function ownersText(node: TaskNode, ctx: CardContext): string {
  const runs: { department: string | null; names: string[] }[] = [];
  for (const owner of node.owners) {
    const name = `${ctx.nameOf(owner.personId)}${owner.decision ? '✓' : ''}`;
    const department = ctx.departmentOf(owner.personId);
    const last = runs.at(-1);
    if (last && last.department === department) last.names.push(name);
    else runs.push({ department, names: [name] });
  }
  return runs
    .map(({ department, names }) => `${names.join('、')}${department ? `（${department}）` : ''}`)
    .join('、');
}

/** The steps being worked on, whose owners need to know what to bring and to hand over. */
const OPEN_STEP_STATES: ReadonlySet<CardStepState> = new Set(['active', 'late', 'paused']);

/** A template step's inputs and outputs (`输入`, `输出` of its fields), on one line. */
function detailsOf(node: TaskNode): string | null {
  const parts = (['输入', '输出'] as const).flatMap((key) =>
    node.fields[key] ? [`${key}：${node.fields[key]}`] : [],
  );
  return parts.length > 0 ? parts.join('；') : null;
}

function stepState(node: TaskNode, now: Date): CardStepState {
  if (isNodeLate(node, now)) return 'late';
  switch (node.status) {
    case 'approved':
      return 'done';
    case 'cancelled':
    case 'skipped':
      return 'skipped';
    default:
      return node.status;
  }
}

function stateText(node: TaskNode, state: CardStepState, now: Date): string {
  if (state === 'late' && node.dueAt) {
    return `已超时 ${formatElapsed(now.getTime() - node.dueAt.getTime())}`;
  }
  const text: Record<TaskNode['status'], string> = {
    pending: '等待中',
    active: node.acknowledgedAt ? '处理中' : '待处理',
    paused: '已挂起',
    done: '已完成',
    approved: '已同意',
    rejected: '已驳回',
    cancelled: '已取消',
    skipped: '未进行',
  };
  return text[node.status];
}

/** The creator's (or a coordinator's) answer to a pending extension request. */
function extensionActions(task: Task): CardAction[] {
  if (!task.pendingExtension) return [];
  const value = { taskId: task.id, nodeId: task.pendingExtension.nodeId };
  return [
    {
      actionId: 'extension.approve',
      label: '批准延期',
      style: 'primary',
      value,
      command: `/批准延期 #${task.number}`,
    },
    {
      actionId: 'extension.deny',
      label: '拒绝延期',
      style: 'default',
      value,
      command: `/拒绝延期 #${task.number} <原因>`,
    },
  ];
}

/** Buttons for the nodes that can be acted on now (platforms show at most six). */
function actionsFor(task: Task): CardAction[] {
  return task.nodes
    .filter((n) => n.status === 'active')
    .flatMap((n): CardAction[] => {
      const ref = nodeRef(task, n);
      const value = { taskId: task.id, nodeId: n.id };
      return n.kind === 'approval'
        ? [
            {
              actionId: 'node.approve',
              label: `同意 ${ref}`,
              style: 'primary',
              value,
              command: `/同意 ${ref}`,
            },
            {
              actionId: 'node.reject',
              label: `驳回 ${ref}`,
              style: 'danger',
              value,
              command: `/驳回 ${ref} <原因>`,
            },
          ]
        : [
            {
              actionId: 'node.done',
              label: `完成 ${ref}`,
              style: 'primary',
              value,
              command: `/完成 ${ref}`,
            },
          ];
    })
    .slice(0, 6);
}
