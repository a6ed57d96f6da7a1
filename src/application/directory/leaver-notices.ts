import type { DirectoryChange } from '../../domain/directory/directory-change.types.js';
import type { Org } from '../../domain/org/org.types.js';
import { nodeRef } from '../../domain/task/task-status.models.js';
import type { Mention } from '../../ports/chat-platform.port.js';
import type { NewDelivery } from '../../ports/delivery-store.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { platformUserIdOf } from '../inbound/org-directory.js';

/**
 * People who left still own open nodes: the coordination chats are told which, with the
 * coordinators @-mentioned, so someone transfers them before they escalate into the void.
 */
export async function noticesForLeavers(
  uow: UnitOfWork,
  tenantId: string,
  org: Org,
  changes: readonly DirectoryChange[],
  syncId: string,
): Promise<void> {
  const deliveries: NewDelivery[] = [];
  for (const change of changes) {
    if (change.kind !== 'person.left') continue;
    const owned = await uow.tasks.findOpenNodesOwnedBy(tenantId, change.personId);
    if (owned.length === 0) continue;
    const lines = owned.map(
      ({ task, node }) => `${nodeRef(task, node)} ${task.title} · ${node.title}`,
    );
    const [first] = owned;
    const example = first ? nodeRef(first.task, first.node) : '#任务号.节点号';
    const text =
      `【人员变动】${change.name} 已不在通讯录中，仍负责 ${owned.length} 个未完成节点：\n` +
      `${lines.join('\n')}\n请协调人尽快转交，例如：/转交 ${example} @新负责人 原负责人已离职`;
    for (const chat of org.coordination.chats) {
      const mentions = org.coordination.coordinators.flatMap((id): Mention[] => {
        const person = org.people.find((p) => p.id === id);
        const userId = person ? platformUserIdOf(person, chat.platform) : null;
        return person && userId ? [{ platformUserId: userId, name: person.name }] : [];
      });
      deliveries.push({
        tenantId,
        taskId: null,
        nodeId: null,
        platform: chat.platform,
        target: { kind: 'chat', chatId: chat.chatId },
        purpose: 'escalation',
        message: { kind: 'text', text, mentions },
        dedupeKey: `left-${syncId}-${change.personId}-${chat.platform}-${chat.chatId}`,
      });
    }
  }
  await uow.enqueueDeliveries(deliveries);
}
