import type { DeadlineSpec } from '../../../domain/deadline/deadline.types.js';
import type { Duration } from '../../../domain/shared/duration.types.js';
import type {
  ExtensionRequest,
  Rejection,
  Task,
  TaskNode,
} from '../../../domain/task/task.types.js';
import type { nodeOwners, nodes, tasks } from '../schema/index.js';

type TaskRow = typeof tasks.$inferSelect;
type NodeRow = typeof nodes.$inferSelect;
type OwnerRow = typeof nodeOwners.$inferSelect;

/** JSON keeps instants as strings; the domain wants Dates back. */
function reviveDeadline(spec: DeadlineSpec): DeadlineSpec {
  return spec.kind === 'absolute' ? { ...spec, at: new Date(spec.at) } : spec;
}

function reviveExtension(raw: unknown): ExtensionRequest | null {
  if (!raw) return null;
  const e = raw as ExtensionRequest;
  return { ...e, deadline: reviveDeadline(e.deadline), requestedAt: new Date(e.requestedAt) };
}

function reviveRejection(raw: unknown): Rejection | null {
  if (!raw) return null;
  const r = raw as Rejection;
  return { ...r, at: new Date(r.at) };
}

export function toTask(
  row: TaskRow,
  nodeRows: readonly NodeRow[],
  ownerRows: readonly OwnerRow[],
  followers: readonly string[],
): Task {
  return {
    id: row.id,
    tenantId: row.tenantId,
    number: row.number,
    title: row.title,
    creatorId: row.creatorId,
    origin: { platform: row.originPlatform, chatId: row.originChatId },
    priority: row.priority,
    eventDate: row.eventDate,
    status: row.status,
    templateKey: row.templateKey,
    onReject: row.onReject,
    followers,
    pendingExtension: reviveExtension(row.pendingExtension),
    lastRejection: reviveRejection(row.lastRejection),
    createdAt: row.createdAt,
    version: row.version,
    closedAt: row.closedAt,
    nodes: [...nodeRows].sort((a, b) => a.seq - b.seq).map((n) => toNode(n, ownerRows)),
  };
}

function toNode(row: NodeRow, ownerRows: readonly OwnerRow[]): TaskNode {
  return {
    id: row.id,
    seq: row.seq,
    parallelGroup: row.parallelGroup,
    title: row.title,
    kind: row.kind,
    signMode: row.signMode,
    owners: ownerRows
      .filter((o) => o.nodeId === row.id)
      .sort((a, b) => a.position - b.position)
      .map((o) => ({ personId: o.personId, decision: o.decision, decidedAt: o.decidedAt })),
    departmentId: row.departmentId,
    deadline: reviveDeadline(row.deadlineSpec as DeadlineSpec),
    dueAt: row.dueAt,
    deadlineVersion: row.deadlineVersion,
    status: row.status,
    escalationLevel: row.escalationLevel,
    responseLimit: (row.responseLimit as Duration | null) ?? null,
    activatedAt: row.activatedAt,
    acknowledgedAt: row.acknowledgedAt,
    pausedAt: row.pausedAt,
    pausedTotalMs: row.pausedTotalMs,
    completedAt: row.completedAt,
    reworkCount: row.reworkCount,
    lastNudgedAt: row.lastNudgedAt,
    fields: (row.fields as Record<string, string>) ?? {},
  };
}

export function taskRow(task: Task) {
  return {
    id: task.id,
    tenantId: task.tenantId,
    number: task.number,
    title: task.title,
    creatorId: task.creatorId,
    originPlatform: task.origin.platform,
    originChatId: task.origin.chatId,
    priority: task.priority,
    eventDate: task.eventDate,
    status: task.status,
    templateKey: task.templateKey,
    onReject: task.onReject,
    pendingExtension: task.pendingExtension,
    lastRejection: task.lastRejection,
    createdAt: task.createdAt,
    version: task.version,
    closedAt: task.closedAt,
  };
}

export function nodeRow(taskId: string, node: TaskNode) {
  return {
    id: node.id,
    taskId,
    seq: node.seq,
    parallelGroup: node.parallelGroup,
    title: node.title,
    kind: node.kind,
    signMode: node.signMode,
    departmentId: node.departmentId,
    deadlineText: node.deadline.text,
    deadlineSpec: node.deadline,
    dueAt: node.dueAt,
    deadlineVersion: node.deadlineVersion,
    responseLimit: node.responseLimit,
    status: node.status,
    escalationLevel: node.escalationLevel,
    reworkCount: node.reworkCount,
    fields: node.fields,
    activatedAt: node.activatedAt,
    acknowledgedAt: node.acknowledgedAt,
    pausedAt: node.pausedAt,
    pausedTotalMs: node.pausedTotalMs,
    completedAt: node.completedAt,
    lastNudgedAt: node.lastNudgedAt,
  };
}
