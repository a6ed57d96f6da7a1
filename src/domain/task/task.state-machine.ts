import { assertExhaustive } from '../shared/assert-exhaustive.js';
import { addApprover, nudge, transfer } from './node-changes.transitions.js';
import { acknowledge, decide, sendBack } from './node-decisions.transitions.js';
import {
  decideExtension,
  dropStaleExtension,
  requestExtension,
} from './node-extension.transitions.js';
import { activeNode, knownNode, openNode } from './node-lookup.models.js';
import { pause, resume } from './node-pause.transitions.js';
import { firePing } from './node-ping.transitions.js';
import type { TaskAction, TaskContext, TransitionResult } from './task.effects.js';
import { taskErrors } from './task.errors.js';
import type { Task } from './task.types.js';
import { addFollowers, cancel, escalate } from './task-wide.transitions.js';
import { Transition } from './transition.models.js';

const CLOSED_TEXT: Record<Task['status'], string> = {
  open: '进行中',
  done: '完成',
  cancelled: '撤销',
  rejected: '被驳回关闭',
};

/**
 * The task state machine: one pure function from (task, action, context) to the new task, the
 * events to record and the effects to carry out. Creation is {@link createTask}.
 *
 * Nodes run group by group; a group finishes when all its nodes are done or approved, then the
 * next one starts (its deadlines pinned at that moment); after the last group the task is done.
 * Refusals are DomainErrors with a polite Chinese message naming who may act. A scheduler ping
 * that no longer applies (node moved on, deadline changed, task closed) changes nothing.
 */
export function applyTaskAction(
  task: Task,
  action: TaskAction,
  ctx: TaskContext,
): TransitionResult {
  const t = new Transition(task, ctx);
  if (action.type === 'ping') {
    firePing(t, action);
    return t.result();
  }
  if (task.status !== 'open') throw taskErrors.closed(`#${task.number}`, CLOSED_TEXT[task.status]);
  applyPersonAction(t, action);
  dropStaleExtension(t);
  return t.result();
}

function applyPersonAction(t: Transition, action: Exclude<TaskAction, { type: 'ping' }>): void {
  switch (action.type) {
    case 'ack':
      acknowledge(t, openNode(t, action.nodeId));
      break;
    case 'complete':
      decide(t, activeNode(t, action.nodeId), 'done', action.note);
      break;
    case 'approve':
      decide(t, activeNode(t, action.nodeId), 'approved', action.note);
      break;
    case 'reject':
      decide(t, activeNode(t, action.nodeId), 'rejected', action.reason);
      break;
    case 'nudge':
      nudge(t, openNode(t, action.nodeId), action.note ?? null);
      break;
    case 'transfer':
      transfer(t, openNode(t, action.nodeId), action.to, action.reason);
      break;
    case 'sendback':
      sendBack(t, activeNode(t, action.nodeId), knownNode(t, action.targetNodeId), action.reason);
      break;
    case 'add-approver':
      addApprover(t, openNode(t, action.nodeId), action.personId);
      break;
    case 'add-followers':
      addFollowers(t, action.people, action.note);
      break;
    case 'pause':
      pause(t, openNode(t, action.nodeId), action.reason);
      break;
    case 'resume':
      resume(t, openNode(t, action.nodeId));
      break;
    case 'request-extension':
      requestExtension(t, activeNode(t, action.nodeId), action.deadline, action.reason);
      break;
    case 'decide-extension':
      decideExtension(t, action.approve, action.reason ?? null);
      break;
    case 'cancel':
      cancel(t, action.reason);
      break;
    case 'escalate':
      escalate(t, action.nodeId, action.reason);
      break;
    default:
      assertExhaustive(action);
  }
}
