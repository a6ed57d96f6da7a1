import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process; served as text at `/metrics`. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequestSeconds: Histogram<'method' | 'route' | 'status'>;
  /** Inbound chat events (commands, card clicks) by platform, what they were, and the outcome. */
  readonly inboundEvents: Counter<'platform' | 'kind' | 'outcome'>;
  /** From a platform's event reaching Baton to its state change committed (webhooks, long connections). */
  readonly inboundSeconds: Histogram<'platform' | 'type'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'baton_' });
  const httpRequestSeconds = new Histogram({
    name: 'baton_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const inboundEvents = new Counter({
    name: 'baton_inbound_events_total',
    help: 'Chat commands and card clicks handled, by platform, command kind and outcome',
    labelNames: ['platform', 'kind', 'outcome'] as const,
    registers: [registry],
  });
  const inboundSeconds = new Histogram({
    name: 'baton_inbound_handle_duration_seconds',
    help: 'Time to take an inbound chat event into the engine (the webhook answer waits for it)',
    labelNames: ['platform', 'type'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpRequestSeconds, inboundEvents, inboundSeconds };
}
