import { heldPingLines } from '../../../cards/held-ping.text.js';
import { myNodeLine } from '../../../cards/my-nodes.text.js';
import { taskCard } from '../../../cards/task-card.builder.js';
import type { Command, TaskRef } from '../../domain/command/command.types.js';
import { helpText } from '../../domain/command/command.usage.js';
import { parseDeadline } from '../../domain/deadline/deadline.parser.js';
import { assertExhaustive } from '../../domain/shared/assert-exhaustive.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { TaskAction } from '../../domain/task/task.effects.js';
import type { TaskNode } from '../../domain/task/task.types.js';
import { isNodeLate, nodeRef } from '../../domain/task/task-status.models.js';
import { switchDigest } from '../digest/digest-switch.js';
import { runSetup } from '../directory/setup-commands.js';
import { rateTask, ratingThanks } from '../rating/rate-task.usecase.js';
import { replyWeeklyReport } from '../report/report-command.js';
import type { CommandScope } from './engine-context.js';
import { lockTask, targetNode } from './node-target.js';
import { resolveName } from './org-directory.js';
import { reply, replyText } from './replies.js';
import { act, createTaskFromDrafts, createTaskFromTemplate, eventDateOf } from './task-commands.js';

/** Runs one parsed command inside its transaction; DomainErrors reach the caller untouched. */
export async function runCommand(scope: CommandScope, command: Command): Promise<void> {
  switch (command.kind) {
    case 'create-task':
      await createTaskFromDrafts(scope, {
        ...command,
        eventDate: command.eventDateText ? eventDateOf(scope, command.eventDateText) : null,
        suffix: 'task',
      });
      return;
    case 'minutes':
      for (const [i, item] of command.items.entries()) {
        const node = {
          ...item,
          signMode: 'all' as const,
          kind: 'action' as const,
          parallel: false,
        };
        await createTaskFromDrafts(scope, {
          title: `${command.title}：${item.title}`,
          urgent: false,
          eventDate: null,
          nodes: [node],
          suffix: `item${i}`,
        });
      }
      return;
    case 'status':
      return command.ref ? showTask(scope, command.ref.task) : listChatTasks(scope);
    case 'my':
      return listMyNodes(scope);
    case 'nudge':
      if (command.ref !== null && command.ref.node === null)
        return nudgeTask(scope, command.ref, command.note);
      return nudgeOrAck(scope, command);
    case 'ack':
    case 'resume':
      return nudgeOrAck(scope, command);
    case 'done':
    case 'approve': {
      const { task, node } = await targetNode(scope, command.ref);
      const after = await act(scope, task, {
        type: command.kind === 'done' ? 'complete' : 'approve',
        nodeId: node.id,
        note: command.note,
      });
      return replyText(
        scope,
        `✅ ${nodeRef(task, node)} ${command.kind === 'done' ? '已完成' : '已同意'}。${after.status === 'done' ? `任务 #${task.number} 全部完成！` : ''}`,
      );
    }
    case 'reject': {
      const { task, node } = await targetNode(scope, command.ref);
      await act(scope, task, { type: 'reject', nodeId: node.id, reason: command.reason });
      return replyText(scope, `已驳回 ${nodeRef(task, node)}：${command.reason}`);
    }
    case 'transfer': {
      const { task, node } = await targetNode(scope, command.ref);
      const to = resolveName(scope.org, command.to);
      await act(scope, task, {
        type: 'transfer',
        nodeId: node.id,
        to: to.personId,
        reason: command.reason,
      });
      return replyText(scope, `已把 ${nodeRef(task, node)} 转交给 ${command.to}。`);
    }
    case 'pause': {
      const { task, node } = await targetNode(scope, command.ref);
      await act(scope, task, { type: 'pause', nodeId: node.id, reason: command.reason });
      return replyText(
        scope,
        `⏸️ ${nodeRef(task, node)} 已挂起，协调人会看到。恢复时请发 /恢复 ${nodeRef(task, node)}。`,
      );
    }
    case 'extend': {
      const { task, node } = await targetNode(scope, command.ref);
      const deadline = parseDeadline(command.deadlineText, {
        now: scope.now,
        calendar: scope.calendar,
      });
      await act(scope, task, {
        type: 'request-extension',
        nodeId: node.id,
        deadline,
        reason: command.reason,
      });
      return replyText(scope, `已为 ${nodeRef(task, node)} 申请延期，等待发起人或协调人审批。`);
    }
    case 'addsign': {
      const { task, node } = await targetNode(scope, command.ref);
      for (const [i, name] of command.people.entries()) {
        const current = await lockTask(scope, { task: task.number, node: null });
        await act(
          scope,
          current,
          {
            type: 'add-approver',
            nodeId: node.id,
            personId: resolveName(scope.org, name).personId,
          },
          `add${i}`,
        );
      }
      return replyText(scope, `已为 ${nodeRef(task, node)} 加签：${command.people.join('、')}`);
    }
    case 'sendback': {
      const task = await lockTask(scope, command.ref);
      const target = task.nodes.find((n) => n.seq === command.ref.node);
      const current =
        task.nodes.find(
          (n) => n.status === 'active' && n.owners.some((o) => o.personId === scope.sender.id),
        ) ?? task.nodes.find((n) => n.status === 'active');
      if (!target || !current)
        throw new DomainError(
          'task.sendback_target',
          `任务 #${task.number} 现在不能退回到 #${task.number}.${command.ref.node}。`,
        );
      await act(scope, task, {
        type: 'sendback',
        nodeId: current.id,
        targetNodeId: target.id,
        reason: command.reason,
      });
      return replyText(scope, `已退回到 ${nodeRef(task, target)} 重新处理：${command.reason}`);
    }
    case 'cc': {
      const task = await lockTask(scope, command.ref);
      const people = command.people.map((name) => resolveName(scope.org, name).personId);
      await act(scope, task, { type: 'add-followers', people, note: command.note });
      return replyText(scope, `已抄送任务 #${task.number} 给 ${command.people.join('、')}。`);
    }
    case 'cancel': {
      const task = await lockTask(scope, command.ref);
      await act(scope, task, { type: 'cancel', reason: command.reason });
      return replyText(scope, `任务 #${task.number} 已撤销。`);
    }
    case 'approve-extension':
    case 'deny-extension':
      return decideExtension(scope, command);
    case 'escalate': {
      const task = await lockTask(scope, command.ref);
      const node =
        command.ref.node === null
          ? null
          : (task.nodes.find((n) => n.seq === command.ref.node) ?? null);
      await act(scope, task, {
        type: 'escalate',
        nodeId: node?.id ?? null,
        reason: command.reason,
      });
      return replyText(scope, `已把任务 #${task.number} 升级到协调群。`);
    }
    case 'help':
      return replyText(scope, helpText(command.topic, scope.templates));
    case 'start-flow':
      await createTaskFromTemplate(scope, command);
      return;
    case 'rate': {
      const task = await lockTask(scope, command.ref);
      await rateTask(scope, task, command.score, command.comment);
      return replyText(scope, ratingThanks(task, command.score));
    }
    case 'report':
      return replyWeeklyReport(scope, command.period);
    case 'digest':
      await switchDigest(scope, command.enabled);
      return replyText(
        scope,
        command.enabled ? '好的，每日摘要已开启。' : '好的，每日摘要已关闭。',
      );
    case 'setup':
      return runSetup(scope, command.action);
    default:
      assertExhaustive(command);
  }
}

async function nudgeOrAck(
  scope: CommandScope,
  command: Extract<Command, { kind: 'ack' | 'resume' | 'nudge' }>,
): Promise<void> {
  const { task, node } = await targetNode(scope, command.ref);
  const action: TaskAction =
    command.kind === 'nudge'
      ? { type: 'nudge', nodeId: node.id, note: command.note }
      : { type: command.kind, nodeId: node.id };
  await act(scope, task, action);
  return replyText(
    scope,
    `好的，${nodeRef(task, node)} ${{ ack: '已确认收到', resume: '已恢复', nudge: '已催办' }[command.kind]}。`,
  );
}

/** `/批准延期 #12`, `/拒绝延期 #12 [原因]`: the answer the request's card buttons give. */
async function decideExtension(
  scope: CommandScope,
  command: Extract<Command, { kind: 'approve-extension' | 'deny-extension' }>,
): Promise<void> {
  const task = await lockTask(scope, command.ref);
  const approve = command.kind === 'approve-extension';
  const reason = command.kind === 'deny-extension' ? command.reason : null;
  await act(scope, task, { type: 'decide-extension', approve, reason });
  return replyText(scope, `好的，任务 #${task.number} 的延期申请已${approve ? '批准' : '拒绝'}。`);
}

/** `/催办 #12`: every node the task is at now, nodes running side by side included. */
async function nudgeTask(scope: CommandScope, ref: TaskRef, note: string | null): Promise<void> {
  const task = await lockTask(scope, ref);
  const current = task.nodes.filter((n) => n.status === 'active');
  if (current.length === 0)
    throw new DomainError('task.nothing_to_nudge', `任务 #${task.number} 现在没有进行中的节点。`);
  for (const [i, node] of current.entries()) {
    const latest = await lockTask(scope, ref);
    await act(scope, latest, { type: 'nudge', nodeId: node.id, note }, `nudge${i}`);
  }
  return replyText(scope, `好的，${current.map((n) => nodeRef(task, n)).join('、')} 已催办。`);
}

async function showTask(scope: CommandScope, number: number): Promise<void> {
  const task = await lockTask(scope, { task: number, node: null });
  await reply(scope, { kind: 'card', card: taskCard(task, scope.card), mentions: [] });
}

async function listChatTasks(scope: CommandScope): Promise<void> {
  const tasks = scope.chatId
    ? await scope.uow.tasks.findOpenInChat(scope.tenantId, scope.platform, scope.chatId)
    : [];
  const lines = tasks.map((t) => {
    const active = t.nodes.filter((n) => n.status === 'active').map((n) => n.title);
    const held = heldPingLines(t, scope.card).map((line) => `\n  ${line}`);
    return `#${t.number} ${t.title}（${active.join('、') || '等待中'}）${held.join('')}`;
  });
  await replyText(
    scope,
    lines.length ? `本群进行中的任务：\n${lines.join('\n')}` : '本群没有进行中的任务。',
  );
}

async function listMyNodes(scope: CommandScope): Promise<void> {
  const owned = await scope.uow.tasks.findOpenNodesOwnedBy(scope.tenantId, scope.sender.id, {
    includePending: true,
  });
  const byDeadline = (list: typeof owned) =>
    [...list].sort((a, b) => dueOf(a.node) - dueOf(b.node));
  const started = byDeadline(owned.filter(({ node }) => node.status !== 'pending'));
  const waiting = owned.filter(({ node }) => node.status === 'pending');
  const lines = (list: typeof owned) =>
    list.map(({ task, node }) => myNodeLine(task, node, scope.card));
  const late = started.filter(({ node }) => isNodeLate(node, scope.now)).length;
  const parts = [
    ...(started.length
      ? [`你负责的未完成节点${late ? `（${late} 个已超时）` : ''}：`, ...lines(started)]
      : []),
    ...(waiting.length ? ['还没轮到你的节点：', ...lines(waiting)] : []),
  ];
  await replyText(scope, parts.length ? parts.join('\n') : '你没有未完成的节点。👍');
}

const dueOf = (node: TaskNode) => node.dueAt?.getTime() ?? Infinity;
