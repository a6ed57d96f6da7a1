import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { eventIdOf, type InboundEvent } from '../../ports/inbound-event.types.js';
import { jobId } from '../queue/job-ids.js';
import type { Queues } from '../queue/queues.js';
import type { InboxWriter } from './inbox-writer.js';

/** Waits between rounds of trying PostgreSQL, then Redis, while both refuse: up to 30 s. */
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

export interface DurableIntake {
  /** Resolves once the event is kept by PostgreSQL or Redis; never rejects. */
  keep(event: InboundEvent): Promise<void>;
}

/**
 * Takes events that no platform will send again (the WeCom long connection acknowledges every
 * frame itself): into the PostgreSQL inbox, which workers run in order per conversation; while
 * PostgreSQL refuses, into a Redis queue whose jobs move them into the inbox once it is back.
 * Should both refuse, the event is tried again in this process until one takes it.
 */
export function createDurableIntake(deps: {
  inbox: InboxWriter;
  /** The queues, made on first use: only an event PostgreSQL refused needs them. */
  queues: () => Queues;
  logger: Logger;
}): DurableIntake {
  const hold = (event: InboundEvent) =>
    deps
      .queues()
      .add(
        'hold-inbound',
        { version: 1, event },
        { jobId: jobId('held', event.platform, eventIdOf(event).replaceAll(':', '_')) },
      );
  const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

  return {
    async keep(event) {
      for (let round = 0; ; round++) {
        try {
          await deps.inbox.accept(event);
          return;
        } catch (err) {
          deps.logger.warn(
            { err: message(err) },
            'the inbox cannot take an event; holding it in Redis',
          );
        }
        try {
          await hold(event);
          return;
        } catch (err) {
          deps.logger.error(
            { err: message(err), round },
            'neither PostgreSQL nor Redis takes an inbound event; trying again',
          );
        }
        await sleep(Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** round));
      }
    },
  };
}
