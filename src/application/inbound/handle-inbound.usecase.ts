import { type Card, isTaskCardAction, type TaskCardActionId } from '../../../cards/card.types.js';
import { rejectReasonCard } from '../../../cards/reject-reason-card.builder.js';
import { taskCard } from '../../../cards/task-card.builder.js';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { BusinessCalendar, CalendarConfig } from '../../domain/calendar/calendar.types.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { TaskAction } from '../../domain/task/task.effects.js';
import type { Template } from '../../domain/template/template.schema.js';
import type { MessageTarget } from '../../ports/chat-platform.port.js';
import {
  eventIdOf,
  type InboundCardAction,
  type InboundEvent,
  inboundEventKey,
  unreadEventLabel,
} from '../../ports/inbound-event.types.js';
import type { InboundOutcome } from '../../ports/inbound-handler.port.js';
import type { OrgStore } from '../../ports/org-store.port.js';
import type { RunInTransaction } from '../../ports/unit-of-work.port.js';
import { learnDisplayName } from '../directory/learn-name.js';
import type { CommandScope } from './engine-context.js';
import { addressesBaton, readingLabel, readMessage } from './message-reading.js';
import { cardContextOf, personByPlatformId } from './org-directory.js';
import { runPersonalCardAction } from './personal-card-actions.js';
import { askRejectReason } from './reject-prompt.js';
import { replyText } from './replies.js';
import { runCommand } from './run-command.js';
import { act } from './task-commands.js';

export interface InboundDeps {
  readonly runInTransaction: RunInTransaction;
  readonly orgStore: OrgStore;
  /** The tenant an event belongs to (by platform and corp id). */
  readonly tenantOf: (event: InboundEvent) => string;
  readonly admins: readonly string[];
  readonly botNames: readonly string[];
  readonly publicUrl: string;
  readonly now: () => Date;
  readonly newId: (prefix: 'tsk' | 'nod') => string;
  readonly templates: readonly Template[];
}

const calendars = new Map<string, BusinessCalendar>();
function calendarOf(config: CalendarConfig): BusinessCalendar {
  const key = JSON.stringify(config);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = createBusinessCalendar(config);
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * Takes one inbound event into the engine, in one transaction: de-duplicate by platform id,
 * resolve the sender, run the command or card action, write state, audit events and messages.
 * A DomainError becomes a Chinese reply with the right usage; nothing else is half-written.
 */
export async function handleInbound(
  deps: InboundDeps,
  received: InboundEvent,
): Promise<InboundOutcome> {
  const event = withoutNul(received);
  const tenantId = deps.tenantOf(event);
  const org = await deps.orgStore.loadOrg(tenantId);
  if (!org) throw new Error(`no organisation for tenant ${tenantId}`);
  const now = deps.now();
  const eventId = eventIdOf(event);
  const platformUserId =
    event.type === 'message' ? event.sender.platformUserId : event.user.platformUserId;
  const chat = event.chat?.isGroup ? event.chat.chatId : null;
  const replyTo: MessageTarget = chat
    ? { kind: 'chat', chatId: chat }
    : { kind: 'person', platformUserId };
  const calendar = calendarOf(org.calendar);
  const reading = event.type === 'message' ? readMessage(event.text, deps.botNames) : null;
  const kind = reading ? readingLabel(reading) : unreadEventLabel(event);
  const handled: InboundOutcome = { duplicate: false, updatedCard: null, kind };
  return deps.runInTransaction(async (uow): Promise<InboundOutcome> => {
    if (!(await uow.markInboundHandled(event.platform, eventId)))
      return { duplicate: true, updatedCard: null, kind };
    const sender = personByPlatformId(org, event.platform, platformUserId);
    const eventKey = inboundEventKey(event.platform, eventId);
    const scopeBase = {
      uow,
      tenantId,
      org,
      calendar,
      now,
      platform: event.platform,
      replyTo,
      chatId: chat,
      eventKey,
      newId: deps.newId,
      templates: deps.templates,
    };
    if (!sender) {
      const fallback = {
        ...scopeBase,
        sender: {
          id: platformUserId,
          name: platformUserId,
          departmentId: null,
          wecomUserId: null,
          dingtalkUserId: null,
          active: false,
        },
        actor: { personId: platformUserId, isCoordinator: false, isAdmin: false },
        card: cardContextOf(org, now, calendar, deps.publicUrl, deps.templates),
      };
      if (reading && !addressesBaton(reading)) return handled;
      await replyText(fallback, '抱歉，我还不认识你。请联系管理员把你加入组织通讯录后再试。');
      return handled;
    }
    if (event.type === 'message') {
      await learnDisplayName(uow, tenantId, event.platform, sender, event.sender.displayName);
    }
    const scope: CommandScope = {
      ...scopeBase,
      sender,
      actor: {
        personId: sender.id,
        isCoordinator: org.coordination.coordinators.includes(sender.id),
        isAdmin: deps.admins.includes(sender.id) || org.coordination.admins.includes(sender.id),
      },
      card: cardContextOf(org, now, calendar, deps.publicUrl, deps.templates),
    };
    try {
      if (event.type === 'card-action') {
        const personal = await runPersonalCardAction(scope, event);
        if (personal) return { ...handled, updatedCard: personal };
        return { ...handled, updatedCard: await runCardAction(scope, event) };
      }
      if (reading?.kind === 'invalid') throw reading.error;
      if (reading?.outcome.kind === 'command') await runCommand(scope, reading.outcome.command);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await replyText(scope, `❗${err.userMessage}${err.usage ? `\n${err.usage}` : ''}`, 'error');
    }
    return handled;
  });
}

/** PostgreSQL text and jsonb cannot hold NUL: a platform's stray one is dropped, not a 500. */
function withoutNul(event: InboundEvent): InboundEvent {
  const strip = (text: string) => text.replaceAll('\u0000', '');
  if (event.type === 'message') return { ...event, text: strip(event.text) };
  const value = Object.fromEntries(
    Object.entries(event.value).map(([k, v]) => [strip(k), strip(v)]),
  );
  return { ...event, actionId: strip(event.actionId), value };
}

/** Runs a task card's button; returns the clicked card as it should look now. */
async function runCardAction(scope: CommandScope, event: InboundCardAction): Promise<Card> {
  const taskId = event.value.taskId;
  const nodeId = event.value.nodeId ?? '';
  const task = taskId ? await scope.uow.tasks.lockById(scope.tenantId, taskId) : null;
  if (!task) throw new DomainError('task.not_found', '这张卡片对应的任务已不存在。');
  const reason = event.value.reason;
  const actionId = event.actionId;
  if (!isTaskCardAction(actionId))
    throw new DomainError('card.unknown_action', '这个按钮已失效，请刷新任务卡片（/进度）。');
  if ((actionId === 'node.reject' && !reason) || actionId === 'node.reject.other') {
    return askRejectReason(scope, task, nodeId, actionId === 'node.reject.other');
  }
  const actions: Record<Exclude<TaskCardActionId, 'node.reject.other'>, TaskAction> = {
    'node.done': { type: 'complete', nodeId, note: null },
    'node.approve': { type: 'approve', nodeId, note: null },
    'node.reject': { type: 'reject', nodeId, reason: reason ?? '' },
    'extension.approve': { type: 'decide-extension', approve: true },
    'extension.deny': { type: 'decide-extension', approve: false },
  };
  const action = actions[actionId];
  if ('nodeId' in action && !task.nodes.some((n) => n.id === nodeId)) {
    throw new DomainError('card.unknown_action', '这个按钮已失效，请刷新任务卡片（/进度）。');
  }
  const after = await act(scope, task, action, 'click');
  const node = after.nodes.find((n) => n.id === nodeId);
  // A reason chosen on the 驳回 prompt: that card now says what was done.
  if (action.type === 'reject' && node) return rejectReasonCard(after, node, action.reason);
  return taskCard(after, scope.card);
}
