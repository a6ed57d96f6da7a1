import { taskCard } from '../../../cards/task-card.builder.js';
import type { NodeDraft } from '../../domain/command/command.types.js';
import { parseDeadline } from '../../domain/deadline/deadline.parser.js';
import type { DeadlineSpec } from '../../domain/deadline/deadline.types.js';
import { parseEventDate } from '../../domain/deadline/event-date.parser.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { TaskAction, TaskContext, TransitionResult } from '../../domain/task/task.effects.js';
import { createTask, type NewNode } from '../../domain/task/task.factory.js';
import { applyTaskAction } from '../../domain/task/task.state-machine.js';
import type { Task } from '../../domain/task/task.types.js';
import { instantiateTemplate } from '../../domain/template/template.instantiate.js';
import { findTemplate } from '../../domain/template/template-catalog.models.js';
import type { Mention } from '../../ports/chat-platform.port.js';
import { applyEffects } from '../tasks/effect-deliveries.js';
import type { CommandScope } from './engine-context.js';
import { nameOf, platformUserIdOf, resolveName } from './org-directory.js';

/** A node written without a deadline gets this one. */
export const DEFAULT_DEADLINE_TEXT = '3个工作日内';

export function taskContext(scope: CommandScope): TaskContext {
  return {
    now: scope.now,
    actor: scope.actor,
    calendar: scope.calendar,
    nameOf: nameOf(scope.org),
  };
}

/** Saves a transition with its audit events and effects, all in the command's transaction. */
export async function commit(
  scope: CommandScope,
  result: TransitionResult,
  suffix: string,
): Promise<void> {
  await scope.uow.tasks.save(result.task);
  await scope.uow.appendEvents(scope.tenantId, result.task.id, scope.platform, result.events);
  await applyEffects(scope.uow, result.task, result.effects, {
    org: scope.org,
    card: scope.card,
    transitionKey: `${scope.eventKey}-${suffix}`,
  });
}

export async function act(
  scope: CommandScope,
  task: Task,
  action: TaskAction,
  suffix = 'act',
): Promise<Task> {
  const result = applyTaskAction(task, action, taskContext(scope));
  await commit(scope, result, suffix);
  return result.task;
}

function deadlineOf(scope: CommandScope, text: string | null): DeadlineSpec {
  return parseDeadline(text ?? DEFAULT_DEADLINE_TEXT, { now: scope.now, calendar: scope.calendar });
}

/** A new task's settings besides its nodes. */
export interface TaskShape {
  readonly title: string;
  readonly priority: 'normal' | 'urgent';
  readonly onReject: 'sendback' | 'close';
  readonly eventDate: string | null;
  readonly templateKey: string | null;
  /** Part of the dedupe keys this creation writes (one command may create several tasks). */
  readonly suffix: string;
}

/** Creates a task from drafts written in chat, posts its card in the chat it came from. */
export async function createTaskFromDrafts(
  scope: CommandScope,
  input: {
    title: string;
    urgent: boolean;
    eventDate: string | null;
    nodes: readonly NodeDraft[];
    suffix: string;
  },
): Promise<Task> {
  const nodes: NewNode[] = input.nodes.map((draft) => {
    const owners = draft.owners.map((name) => resolveName(scope.org, name));
    return {
      id: scope.newId('nod'),
      title: draft.title,
      kind: draft.kind,
      signMode: draft.signMode,
      owners: owners.map((o) => o.personId),
      departmentId: owners[0]?.departmentId ?? null,
      deadline: deadlineOf(scope, draft.deadlineText),
      responseLimit: null,
      fields: {},
      parallel: draft.parallel,
    };
  });
  const shape = {
    ...input,
    priority: input.urgent ? 'urgent' : 'normal',
    onReject: 'sendback',
    templateKey: null,
  } as const;
  return createTaskFromNodes(scope, shape, nodes);
}

/** Creates a task and posts its card in the chat the command came from. */
export async function createTaskFromNodes(
  scope: CommandScope,
  shape: TaskShape,
  nodes: readonly NewNode[],
): Promise<Task> {
  if (!scope.chatId) {
    throw new DomainError('task.needs_group', '请在群聊里创建任务，这样各部门都能看到任务卡片。');
  }
  const result = createTask(
    {
      id: scope.newId('tsk'),
      tenantId: scope.tenantId,
      number: await scope.uow.tasks.nextNumber(scope.tenantId),
      title: shape.title,
      creatorId: scope.sender.id,
      origin: { platform: scope.platform, chatId: scope.chatId },
      priority: shape.priority,
      eventDate: shape.eventDate,
      templateKey: shape.templateKey,
      onReject: shape.onReject,
      followers: [],
      nodes,
    },
    taskContext(scope),
  );
  // The new card is posted, not updated: drop the creation's own refresh.
  const effects = result.effects.filter((e) => e.type !== 'refresh-card');
  await commit(scope, { ...result, effects }, shape.suffix);
  await scope.uow.enqueueDeliveries([
    {
      tenantId: scope.tenantId,
      taskId: result.task.id,
      nodeId: null,
      platform: scope.platform,
      target: { kind: 'chat', chatId: scope.chatId },
      purpose: 'task-card',
      message: {
        kind: 'card',
        card: taskCard(result.task, scope.card),
        mentions: activeOwnerMentions(scope, result.task),
      },
      dedupeKey: `${scope.eventKey}-${shape.suffix}-card`,
    },
  ]);
  return result.task;
}

/** The owners of the new task's active nodes, @-mentioned with its card in the group. */
function activeOwnerMentions(scope: CommandScope, task: Task): Mention[] {
  const owners = task.nodes
    .filter((n) => n.status === 'active')
    .flatMap((n) => n.owners.map((o) => o.personId));
  return scope.org.people.flatMap((p) => {
    const id = platformUserIdOf(p, scope.platform);
    return owners.includes(p.id) && id ? [{ platformUserId: id, name: p.name }] : [];
  });
}

/** Starts a task from an SOP template (`/流程 采购 物品=… 数量=…`). */
export async function createTaskFromTemplate(
  scope: CommandScope,
  input: { template: string; fields: Readonly<Record<string, string>>; urgent: boolean },
): Promise<Task> {
  const template = findTemplate(scope.templates, input.template);
  const draft = instantiateTemplate(template, {
    fields: input.fields,
    requesterId: scope.sender.id,
    org: scope.org,
    now: scope.now,
    calendar: scope.calendar,
    ids: () => scope.newId('nod'),
  });
  return createTaskFromNodes(
    scope,
    {
      title: draft.title,
      priority: input.urgent ? 'urgent' : draft.priority,
      onReject: draft.onReject,
      eventDate: draft.eventDate,
      templateKey: draft.templateKey,
      suffix: 'flow',
    },
    draft.nodes,
  );
}

/** An event date as written (`2026-12-20`, `12月20日`), as a local date. */
export function eventDateOf(scope: CommandScope, text: string): string {
  return parseEventDate(text, { now: scope.now, calendar: scope.calendar });
}
