import type { CardStepState } from '../../../../cards/card.types.js';
import type { CardContext } from '../../../../cards/card-context.js';
import { stepOf, taskCard } from '../../../../cards/task-card.builder.js';
import { createBusinessCalendar } from '../../../domain/calendar/business-calendar.js';
import type { Org } from '../../../domain/org/org.types.js';
import type { Task, TaskNode } from '../../../domain/task/task.types.js';
import { isNodeLate, nodeRef } from '../../../domain/task/task-status.models.js';
import type { ConsoleEvent } from '../../db/queries/console-events.query.js';
import { timelineAxisOf, timelineOf } from './console-timeline.js';

/** What the console shows of the organisation and the moment it is drawn. */
export interface ConsoleScene {
  readonly org: Org;
  readonly now: Date;
  readonly publicUrl: string;
  readonly templateNames: ReadonlyMap<string, string>;
}

const named = (scene: ConsoleScene, personId: string) =>
  scene.org.people.find((p) => p.id === personId)?.name ?? personId;

function cardContext(scene: ConsoleScene): CardContext {
  return {
    now: scene.now,
    calendar: createBusinessCalendar(scene.org.calendar),
    nameOf: (id) => named(scene, id),
    departmentOf: (id) =>
      departmentOf(scene, scene.org.people.find((p) => p.id === id)?.departmentId ?? null)?.name ??
      null,
    publicUrl: scene.publicUrl,
  };
}

function departmentOf(scene: ConsoleScene, id: string | null) {
  const department = scene.org.departments.find((d) => d.id === id);
  return department ? { id: department.id, name: department.name } : null;
}

/** A node as a row of the console: owners by name, its state as the card shows it. */
function nodeView(task: Task, node: TaskNode, scene: ConsoleScene, ctx: CardContext) {
  const step = stepOf(task, node, ctx);
  return {
    id: node.id,
    ref: nodeRef(task, node),
    seq: node.seq,
    title: node.title,
    kind: node.kind,
    status: node.status,
    state: step.state satisfies CardStepState,
    stateText: step.stateText,
    deadlineText: step.deadline,
    owners: node.owners.map((o) => ({
      id: o.personId,
      name: named(scene, o.personId),
      decision: o.decision,
    })),
    department: departmentOf(scene, node.departmentId),
    dueAt: node.dueAt,
    activatedAt: node.activatedAt,
    completedAt: node.completedAt,
    escalationLevel: node.escalationLevel,
    late: isNodeLate(node, scene.now),
  };
}

/** Nodes whose work is over, for the list's 「进度 2/3」. */
const FINISHED_NODE = new Set<TaskNode['status']>(['done', 'approved', 'skipped']);

/** A task as a row of the console's list; `manuallyEscalated`: someone used `/升级` on it. */
export function taskSummaryView(
  task: Task,
  scene: ConsoleScene,
  manuallyEscalated: boolean,
  ctx = cardContext(scene),
) {
  const escalationLevel = Math.max(0, ...task.nodes.map((n) => n.escalationLevel));
  return {
    id: task.id,
    number: task.number,
    title: task.title,
    status: task.status,
    priority: task.priority,
    template: task.templateKey
      ? {
          key: task.templateKey,
          name: scene.templateNames.get(task.templateKey) ?? task.templateKey,
        }
      : null,
    creator: { id: task.creatorId, name: named(scene, task.creatorId) },
    eventDate: task.eventDate,
    createdAt: task.createdAt,
    closedAt: task.closedAt,
    late: task.nodes.some((n) => isNodeLate(n, scene.now)),
    escalated: manuallyEscalated || escalationLevel > 0,
    escalationLevel,
    path: `/tasks/${task.id}`,
    progress: {
      done: task.nodes.filter((n) => FINISHED_NODE.has(n.status)).length,
      total: task.nodes.length,
    },
    nodes: task.nodes.map((n) => nodeView(task, n, scene, ctx)),
  };
}

const OPEN_NODE = new Set<TaskNode['status']>(['active', 'paused']);

/** A task's page: the row, its card as chats show it, its timeline and its full log. */
export function taskDetailView(task: Task, log: readonly ConsoleEvent[], scene: ConsoleScene) {
  const ctx = cardContext(scene);
  const refs = new Map(task.nodes.map((n) => [n.id, nodeRef(task, n)]));
  const timeline = timelineOf(task, scene.now);
  return {
    now: scene.now,
    task: taskSummaryView(
      task,
      scene,
      log.some((e) => e.type === 'task.escalated'),
      ctx,
    ),
    card: taskCard(task, ctx),
    timeline,
    axis: timelineAxisOf(task, timeline, ctx.calendar, scene.now),
    events: log.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt,
      node: e.nodeId ? (refs.get(e.nodeId) ?? null) : null,
      actor: e.actorId ? { id: e.actorId, name: named(scene, e.actorId) } : null,
      source: e.source,
      data: e.data,
    })),
  };
}

/** Who holds what: each department's people and the open nodes waiting on each of them. */
export function departmentsView(openTasks: readonly Task[], scene: ConsoleScene) {
  const ctx = cardContext(scene);
  const holdings = new Map<string, ReturnType<typeof holdingOf>[]>();
  for (const task of openTasks) {
    for (const node of task.nodes.filter((n) => OPEN_NODE.has(n.status))) {
      for (const owner of node.owners.filter((o) => o.decision === null)) {
        const list = holdings.get(owner.personId) ?? [];
        list.push(holdingOf(task, node, ctx, scene));
        holdings.set(owner.personId, list);
      }
    }
  }
  const personView = (p: Org['people'][number]) => ({
    id: p.id,
    name: p.name,
    holds: holdings.get(p.id) ?? [],
  });
  const active = scene.org.people.filter((p) => p.active);
  return [
    ...scene.org.departments.map((d) => ({
      id: d.id,
      name: d.name,
      people: active.filter((p) => p.departmentId === d.id).map(personView),
    })),
    {
      id: null,
      name: '未分配部门',
      people: active.filter(withoutDepartment(scene)).map(personView),
    },
  ].filter((d) => d.people.length > 0);
}

function withoutDepartment(scene: ConsoleScene) {
  const known = new Set(scene.org.departments.map((d) => d.id));
  return (p: Org['people'][number]) => p.departmentId === null || !known.has(p.departmentId);
}

function holdingOf(task: Task, node: TaskNode, ctx: CardContext, scene: ConsoleScene) {
  const step = stepOf(task, node, ctx);
  return {
    taskId: task.id,
    path: `/tasks/${task.id}`,
    ref: step.ref,
    taskTitle: task.title,
    nodeTitle: node.title,
    dueAt: node.dueAt,
    deadlineText: step.deadline,
    state: step.state,
    stateText: step.stateText,
    late: isNodeLate(node, scene.now),
  };
}
