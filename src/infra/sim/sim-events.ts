import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SimTranscriptEntry } from '../../ports/sim-transcript.port.js';

/**
 * Simulator changes travel over Redis pub/sub: a worker process sends, and whichever `serve`
 * process holds the browser's event stream passes the change on.
 */
export function simEventsChannel(queuePrefix: string): string {
  return `${queuePrefix}:sim-events`;
}

export function createSimEventPublisher(redis: Redis, queuePrefix: string, logger: Logger) {
  const channel = simEventsChannel(queuePrefix);
  return (entry: SimTranscriptEntry) => {
    redis.publish(channel, JSON.stringify(entry)).catch((err: Error) => {
      // The transcript in Postgres is the record; a missed live update shows on the next load.
      logger.warn({ err: err.message }, 'could not publish a simulator update');
    });
  };
}

/** Subscribes (on a connection of its own) and emits `entry` for every change. */
export async function subscribeSimEvents(redis: Redis, queuePrefix: string, logger: Logger) {
  const subscriber = redis.duplicate();
  subscriber.on('error', (err: Error) =>
    logger.warn({ err: err.message }, 'simulator subscription: redis connection error'),
  );
  const events = new EventEmitter();
  events.setMaxListeners(0);
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      events.emit('entry', JSON.parse(text) as SimTranscriptEntry);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'unreadable simulator update');
    }
  });
  await subscriber.subscribe(simEventsChannel(queuePrefix));
  return {
    events,
    close: async () => {
      subscriber.disconnect();
    },
  };
}
