import { bullPrefix } from '../../../src/infra/queue/queue-names.js';

/**
 * Redis keys of one bot's long connection. They start with the deployment's `{prefix}` hash tag,
 * like the queue keys, so a Redis Cluster keeps them in the queues' slot.
 */
export function longConnectionKeys(queuePrefix: string, botId: string) {
  const base = `${bullPrefix(queuePrefix)}:wecom:${botId}`;
  return {
    /** The lease: which process holds the bot's one live connection. */
    holder: `${base}:holder`,
    /** Sends other processes ask the holder to make. */
    sends: `${base}:sends`,
    /** Answers to one process's relayed sends. */
    answers: (instanceId: string) => `${base}:answers:${instanceId}`,
    /** What a card was last changed to through a click's update window. */
    card: (taskId: string) => `${base}:card:${taskId}`,
  };
}

export type LongConnectionKeys = ReturnType<typeof longConnectionKeys>;
