import type { PingKind, TaskAction } from './task.effects.js';
import type { Transition } from './transition.models.js';

const PING_EVENT: Record<PingKind, string> = {
  remind: 'node.reminded',
  'response-check': 'node.response_overdue',
  escalate: 'node.escalated',
};

/**
 * A scheduled ping fired. It acts only while the task is open and the node still active at the
 * deadline it was planned for (`deadlineVersion`); a response check also stops once the node
 * was acknowledged. An escalation step records the highest level reached.
 */
export function firePing(t: Transition, ping: Extract<TaskAction, { type: 'ping' }>): void {
  const node = t.task.nodes.find((n) => n.id === ping.nodeId);
  const current =
    t.task.status === 'open' &&
    node?.status === 'active' &&
    node.deadlineVersion === ping.deadlineVersion;
  if (!node || !current) return;
  if (ping.kind === 'response-check' && node.acknowledgedAt) return;
  if (ping.kind === 'escalate' && ping.level > node.escalationLevel) {
    t.updateNode(node.id, { escalationLevel: ping.level });
  }
  t.event(PING_EVENT[ping.kind], node.id, { level: ping.level });
  t.effect({
    type: 'send-ping',
    nodeId: node.id,
    kind: ping.kind,
    level: ping.level,
    notify: ping.notify,
  });
}
