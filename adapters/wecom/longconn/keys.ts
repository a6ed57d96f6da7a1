/**
 * Redis keys of one bot's long connection. `keyPrefix` is the deployment's `{prefix}` hash tag,
 * as the queue keys start with, so a Redis Cluster keeps them in the queues' slot.
 */
export function longConnectionKeys(keyPrefix: string, botId: string) {
  const base = `${keyPrefix}:wecom:${botId}`;
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
