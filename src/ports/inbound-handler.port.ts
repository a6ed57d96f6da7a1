import type { Card } from '../../cards/card.types.js';
import type { InboundEvent } from './inbound-event.types.js';

/** What became of an inbound event, for adapters that answer a platform synchronously. */
export interface InboundOutcome {
  /** The platform sent this event before; nothing was done the second time. */
  readonly duplicate: boolean;
  /**
   * For a card action that changed its task: the task card as it is now, so the adapter can
   * update the clicked card in its answer (WeCom's 5-second window, DingTalk's callback ack).
   * The engine also queues the in-place update; sending the same card twice is harmless.
   */
  readonly updatedCard: Card | null;
  /**
   * What the engine read the event as, for a low-cardinality metrics label: the command's kind,
   * `chatter` (a message not meant for Baton), `invalid` (a malformed command), or
   * `click:<action id>`. The engine reads a message once; nobody else parses it for a label.
   */
  readonly kind: string;
}

/** Takes an inbound chat event into the engine. Resolves once it is durably accepted. */
export interface InboundHandler {
  /** Runs the event through the engine now, for adapters that answer with the outcome. */
  handle(event: InboundEvent): Promise<InboundOutcome>;
  /**
   * Commits the event to the inbox, which workers run through the engine right after; for
   * adapters that answer the platform without the outcome and must answer fast. `duplicate`:
   * the event is already waiting or was handled.
   */
  enqueue(event: InboundEvent): Promise<{ readonly duplicate: boolean }>;
  /**
   * Keeps an event that its platform will not send again (it acknowledged the frame itself)
   * until workers have run it: in the inbox, or in Redis while PostgreSQL is away. Never rejects.
   */
  keep(event: InboundEvent): Promise<void>;
}
