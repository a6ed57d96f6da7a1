import { parseCommand } from '../../domain/command/command.parser.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { InboundEvent } from '../../ports/inbound-event.types.js';
import type { InboundHandler } from '../../ports/inbound-handler.port.js';
import type { Metrics } from './metrics.js';

/** What an event was, for a low-cardinality label: the command kind or the card action id. */
function kindOf(event: InboundEvent): string {
  if (event.type === 'card-action') return `click:${event.actionId}`;
  try {
    const outcome = parseCommand(event.text);
    return outcome.kind === 'command' ? outcome.command.kind : 'chatter';
  } catch (err) {
    if (err instanceof DomainError) return 'invalid';
    throw err;
  }
}

/**
 * Counts and times every inbound event the handler takes (commands, clicks, duplicates); an
 * event queued to the inbox is counted as `queued` (the worker that runs it times the engine).
 */
export function instrumentInbound(handler: InboundHandler, metrics: Metrics): InboundHandler {
  return {
    async handle(event) {
      const stop = metrics.inboundSeconds.startTimer({
        platform: event.platform,
        type: event.type,
      });
      const labels = { platform: event.platform, kind: kindOf(event) };
      try {
        const outcome = await handler.handle(event);
        metrics.inboundEvents.inc({ ...labels, outcome: outcome.duplicate ? 'duplicate' : 'ok' });
        return outcome;
      } catch (err) {
        metrics.inboundEvents.inc({ ...labels, outcome: 'error' });
        throw err;
      } finally {
        stop();
      }
    },
    async enqueue(event) {
      const labels = { platform: event.platform, kind: kindOf(event) };
      try {
        const accepted = await handler.enqueue(event);
        metrics.inboundEvents.inc({
          ...labels,
          outcome: accepted.duplicate ? 'duplicate' : 'queued',
        });
        return accepted;
      } catch (err) {
        metrics.inboundEvents.inc({ ...labels, outcome: 'error' });
        throw err;
      }
    },
    async keep(event) {
      await handler.keep(event);
      metrics.inboundEvents.inc({ platform: event.platform, kind: kindOf(event), outcome: 'kept' });
    },
  };
}
