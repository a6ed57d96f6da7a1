import type { InboundEvent } from './inbound-event.types.js';

/** Takes an inbound chat event into the engine. Resolves once it is durably accepted. */
export interface InboundHandler {
  handle(event: InboundEvent): Promise<void>;
}
