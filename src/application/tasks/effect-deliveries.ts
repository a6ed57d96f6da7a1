import type { CardContext } from '../../../cards/card-context.js';
import { ratingCard } from '../../../cards/rating-card.builder.js';
import { taskCard } from '../../../cards/task-card.builder.js';
import type { Org } from '../../domain/org/org.types.js';
import type { TaskEffect } from '../../domain/task/task.effects.js';
import type { Task, TaskNode } from '../../domain/task/task.types.js';
import type { Mention, MessageTarget, OutboundMessage } from '../../ports/chat-platform.port.js';
import type { NewDelivery } from '../../ports/delivery-store.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { platformUserIdOf } from '../inbound/org-directory.js';
import { escalatedToRequesterText, lateNote, noticeText, pingText } from './notices.js';

export interface EffectContext {
  readonly org: Org;
  readonly card: CardContext;
  /** Unique per transition: part of every dedupe key it writes. */
  readonly transitionKey: string;
  /** For a ping that fires late: the moment it was due, which its messages then name. */
  readonly pingDueAt?: Date;
}

/**
 * Turns a transition's effects into writes of the same transaction: deliveries (cards, notices,
 * pings) and schedule requests. Nothing is sent here; the outbox carries it after commit.
 */
export async function applyEffects(
  uow: UnitOfWork,
  task: Task,
  effects: readonly TaskEffect[],
  ctx: EffectContext,
): Promise<void> {
  const deliveries: NewDelivery[] = [];
  const platform = task.origin.platform;
  const base = { tenantId: task.tenantId, taskId: task.id, platform };
  const mentionOf = (personId: string): Mention[] => {
    const person = ctx.org.people.find((p) => p.id === personId);
    const id = person ? platformUserIdOf(person, platform) : null;
    return person && id ? [{ platformUserId: id, name: person.name }] : [];
  };
  const toPerson = (
    personId: string,
    purpose: NewDelivery['purpose'],
    message: OutboundMessage,
    key: string,
    nodeId: string | null,
  ) => {
    const [mention] = mentionOf(personId);
    if (!mention) return;
    deliveries.push({
      ...base,
      nodeId,
      purpose,
      message,
      target: { kind: 'person', platformUserId: mention.platformUserId },
      dedupeKey: `${key}-${personId}`,
    });
  };
  const text = (t: string, mentions: Mention[] = []): OutboundMessage => ({
    kind: 'text',
    text: t,
    mentions,
  });
  const coordinationChats = ctx.org.coordination.chats.filter((c) => c.platform === platform);
  const toCoordination = (message: string, nodeId: string | null, key: string) => {
    const mentions = ctx.org.coordination.coordinators.flatMap(mentionOf);
    for (const chat of coordinationChats) {
      deliveries.push({
        ...base,
        nodeId,
        purpose: 'escalation',
        message: text(message, mentions),
        target: { kind: 'chat', chatId: chat.chatId },
        dedupeKey: `${key}-coord-${chat.chatId}`,
      });
    }
  };
  /** The task card, with the notice on it, to each owner who has not acted on the node yet. */
  const cardToWaitingOwners = (
    n: TaskNode,
    note: string,
    key: string,
    only?: readonly string[],
  ) => {
    const card = { ...taskCard(task, ctx.card), note };
    const waiting = n.owners.filter((o) => o.decision === null);
    for (const o of waiting.filter((owner) => !only || only.includes(owner.personId))) {
      toPerson(o.personId, 'reminder', { kind: 'card', card, mentions: [] }, key, n.id);
    }
  };
  /**
   * Whether a person's private copy went stale in this transition: a node of theirs stopped
   * (finished, reset, cancelled), they have nothing left to decide, and no fresh card of this
   * transition reaches them (the refresh comes last, after every notice).
   */
  const copyWentStale = (platformUserId: string): boolean => {
    const person = ctx.org.people.find((p) => platformUserIdOf(p, platform) === platformUserId);
    if (!person) return false;
    const owns = (n: TaskNode) => n.owners.some((o) => o.personId === person.id);
    const stopped = effects.some(
      (e) => e.type === 'clear-node' && task.nodes.some((n) => n.id === e.nodeId && owns(n)),
    );
    const acting = task.nodes.some(
      (n) =>
        n.status === 'active' &&
        n.owners.some((o) => o.personId === person.id && o.decision === null),
    );
    const freshCard = deliveries.some(
      (d) =>
        d.message.kind === 'card' &&
        d.target.kind === 'person' &&
        d.target.platformUserId === platformUserId,
    );
    return stopped && !acting && !freshCard;
  };
  const node = (id: string | null): TaskNode | null => task.nodes.find((n) => n.id === id) ?? null;
  const originChat: MessageTarget = { kind: 'chat', chatId: task.origin.chatId };

  for (const [i, effect] of effects.entries()) {
    const key = `${ctx.transitionKey}-${i}`;
    switch (effect.type) {
      case 'refresh-card': {
        const card = taskCard(task, ctx.card);
        deliveries.push({
          ...base,
          nodeId: null,
          purpose: 'card-update',
          target: originChat,
          message: { kind: 'card', card, mentions: [] },
          dedupeKey: key,
        });
        // Private copies whose buttons no longer apply follow, so nobody keeps a live 完成 on
        // a node that is done; a copy still in use keeps its notice.
        const updated: OutboundMessage = {
          kind: 'card',
          card: { ...card, note: staleCopyNote(card.note) },
          mentions: [],
        };
        for (const platformUserId of await uow.privateCardHolders(task.id, platform)) {
          if (!copyWentStale(platformUserId)) continue;
          deliveries.push({
            ...base,
            nodeId: null,
            purpose: 'private-card-update',
            target: { kind: 'person', platformUserId },
            message: updated,
            dedupeKey: `${key}-private-${platformUserId}`,
          });
        }
        break;
      }
      case 'notify': {
        const n = node(effect.nodeId);
        const message = noticeText(effect.reason, task, n, ctx.card, effect.detail);
        const only = effect.people;
        if (effect.audience === 'owners' && n) {
          cardToWaitingOwners(n, message, key, only);
        } else if (effect.audience === 'creator' && effect.reason === 'extension-requested') {
          // The request comes with the card, whose buttons approve or refuse it.
          const card = { ...taskCard(task, ctx.card), note: message };
          toPerson(
            task.creatorId,
            'reminder',
            { kind: 'card', card, mentions: [] },
            key,
            n?.id ?? null,
          );
        } else if (effect.audience === 'creator') {
          toPerson(task.creatorId, 'reminder', text(message), key, effect.nodeId);
        } else if (effect.audience === 'followers' && effect.reason === 'copied') {
          // Newly copied people get the card itself, to follow the task from there.
          const card = { ...taskCard(task, ctx.card), note: message };
          for (const f of task.followers.filter((p) => !only || only.includes(p)))
            toPerson(f, 'reminder', { kind: 'card', card, mentions: [] }, key, null);
        } else if (effect.audience === 'followers') {
          for (const f of task.followers.filter((p) => !only || only.includes(p)))
            toPerson(f, 'reminder', text(message), key, effect.nodeId);
        } else if (effect.audience === 'coordination') {
          toCoordination(message, effect.nodeId, key);
        }
        break;
      }
      case 'plan-node':
      case 'clear-node':
        await uow.requestNodePlan(effect.nodeId);
        break;
      case 'send-ping': {
        const n = node(effect.nodeId);
        if (n) pingDeliveries(n, effect, key);
        break;
      }
      case 'request-rating':
        toPerson(
          task.creatorId,
          'rating',
          { kind: 'card', card: ratingCard(task, null), mentions: [] },
          key,
          null,
        );
        break;
    }
  }
  await uow.enqueueDeliveries(deliveries);

  function pingDeliveries(
    n: TaskNode,
    effect: Extract<TaskEffect, { type: 'send-ping' }>,
    key: string,
  ): void {
    const message =
      pingText(effect.kind, effect.level, task, n, ctx.card) +
      (ctx.pingDueAt ? lateNote(ctx.pingDueAt, ctx.card) : '');
    for (const target of effect.notify) {
      if (target === 'owner') {
        cardToWaitingOwners(n, message, key);
      } else if (target === 'liaison') {
        const liaison = ctx.org.departments.find((d) => d.id === n.departmentId)?.liaisonId;
        if (liaison && !n.owners.some((o) => o.personId === liaison))
          toPerson(liaison, 'escalation', text(message), key, n.id);
      } else if (target === 'coordination') {
        toCoordination(message, n.id, key);
        // The requester hears their task went to the coordination chat (unless this rung tells them anyway).
        if (!effect.notify.includes('requester'))
          toPerson(
            task.creatorId,
            'escalation',
            text(escalatedToRequesterText(task, n, ctx.card)),
            `${key}-requester`,
            n.id,
          );
      } else if (target === 'leadership') {
        for (const leader of ctx.org.coordination.leadership)
          toPerson(leader, 'escalation', text(message), key, n.id);
      } else if (target === 'requester') {
        toPerson(task.creatorId, 'escalation', text(message), key, n.id);
      }
    }
  }
}

/** The note of a private copy brought up to date: it says so, above what the card says. */
function staleCopyNote(note: string | null): string {
  return ['此卡片已更新为任务的最新状态。', note].filter(Boolean).join('\n');
}
