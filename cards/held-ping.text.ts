import { formatDeadline } from '../src/domain/deadline/deadline.formatter.js';
import { heldPingMoment } from '../src/domain/escalation/held-ping.models.js';
import type { Task } from '../src/domain/task/task.types.js';
import { nodeRef } from '../src/domain/task/task-status.models.js';
import type { CardContext } from './card-context.js';

/** Lines for the nodes whose ping waits for working time: `#1.1 非工作时间，将于 明天 09:00 提醒`. */
export function heldPingLines(task: Task, ctx: CardContext): string[] {
  return task.nodes.flatMap((node) => {
    const at = heldPingMoment(task, node, ctx.ladderOf?.(task) ?? null, ctx.calendar, ctx.now);
    if (!at) return [];
    const when = formatDeadline(at, { now: ctx.now, calendar: ctx.calendar });
    return [`${nodeRef(task, node)} 非工作时间，将于 ${when} 提醒`];
  });
}
