import type { DirectorySource } from '../../domain/directory/directory.types.js';
import type { CommandScope } from '../inbound/engine-context.js';
import { nameOf } from '../inbound/org-directory.js';
import { replyText } from '../inbound/replies.js';
import { SOURCE_LABELS } from './source-labels.js';

/** At most this many departments in the answer; the console shows them all. */
const MAX_DEPARTMENTS = 8;

/**
 * `/设置` alone: whether this chat is the coordination chat, who coordinates and leads, and the
 * departments this chat works with (the sender's, and those owning its open tasks' nodes),
 * each value with where it came from.
 */
export async function showSetup(scope: CommandScope): Promise<void> {
  const { org } = scope;
  const name = nameOf(org);
  const isCoordination =
    scope.chatId !== null &&
    org.coordination.chats.some((c) => c.platform === scope.platform && c.chatId === scope.chatId);
  const departmentIds = new Set<string>();
  if (scope.sender.departmentId) departmentIds.add(scope.sender.departmentId);
  if (scope.chatId) {
    for (const task of await scope.uow.tasks.findOpenInChat(
      scope.tenantId,
      scope.platform,
      scope.chatId,
    )) {
      for (const node of task.nodes) if (node.departmentId) departmentIds.add(node.departmentId);
    }
  }
  const lines = [
    `本群${isCoordination ? '是' : '不是'}协调群${isCoordination ? '' : '（协调人发送 /设置 协调群 可设为协调群）'}。`,
    `协调人：${org.coordination.coordinators.map(name).join('、') || '未设置'}`,
    `领导：${org.coordination.leadership.map(name).join('、') || '未设置'}`,
  ];
  const ids = [...departmentIds].slice(0, MAX_DEPARTMENTS);
  for (const id of ids) {
    const row = await scope.uow.directory.findDepartment(scope.tenantId, id);
    if (!row) continue;
    const value = (personId: string | null, source: DirectorySource | undefined) =>
      personId ? `${name(personId)}（${source ? SOURCE_LABELS[source] : '未知来源'}）` : '未设置';
    lines.push(
      `${row.fields.name}：联络员 ${value(row.fields.liaisonId, row.fieldSources.liaisonId)}，` +
        `负责人 ${value(row.fields.leaderId, row.fieldSources.leaderId)}`,
    );
  }
  lines.push('修改：/设置 联络员 @某人 部门、/设置 协调人 @某人、/设置 领导 @某人 [部门]');
  await replyText(scope, lines.join('\n'));
}
