import { unreadEventLabel } from '../../ports/inbound-event.types.js';
import type { InboundHandler } from '../../ports/inbound-handler.port.js';
import type { Metrics } from './metrics.js';

/**
 * Counts and times every inbound event the handler takes (commands, clicks, duplicates), labelled
 * with what the engine read it as. An event queued to the inbox or kept is counted as `queued` or
 * `kept` under its unread label (`message`, `click:<id>`): the engine reads it later, in a worker.
 */
export function instrumentInbound(handler: InboundHandler, metrics: Metrics): InboundHandler {
  return {
    async handle(event) {
      const stop = metrics.inboundSeconds.startTimer({
        platform: event.platform,
        type: event.type,
      });
      try {
        const outcome = await handler.handle(event);
        metrics.inboundEvents.inc({
          platform: event.platform,
          kind: outcome.kind,
          outcome: outcome.duplicate ? 'duplicate' : 'ok',
        });
        return outcome;
      } catch (err) {
        metrics.inboundEvents.inc({
          platform: event.platform,
          kind: unreadEventLabel(event),
          outcome: 'error',
        });
        throw err;
      } finally {
        stop();
      }
    },
    async enqueue(event) {
      const labels = { platform: event.platform, kind: unreadEventLabel(event) };
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
      metrics.inboundEvents.inc({
        platform: event.platform,
        kind: unreadEventLabel(event),
        outcome: 'kept',
      });
    },
  };
}
