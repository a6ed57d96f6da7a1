import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import type { LongConnectionConfig } from '../wecom.config.js';
import { type BotSession, startBotSession, type TemplateCardRenderer } from './bot-session.js';
import { createCardStates } from './card-states.js';
import type { ButtonKeyDecoder } from './inbound-frames.js';
import { longConnectionKeys } from './keys.js';
import { startLeaderLease } from './leader-lease.js';
import { createRelayClient } from './relay-client.js';
import { startRelayServer } from './relay-server.js';

/** How long a relayed send waits for the holder (the SDK itself waits 5 s for an ack). */
const RELAY_TIMEOUT_MS = 10_000;

/**
 * One bot's long connection as a deployment of several processes shares it. WeCom keeps one live
 * connection per bot (a second one kicks the first), so the processes that take callbacks
 * (`startInbound`) elect one holder through a Redis lease; every process sends through
 * `send`, directly when it holds the connection, through the holder otherwise.
 */
export function createLongConnection(deps: {
  readonly config: LongConnectionConfig;
  readonly redis: Redis;
  /** The deployment's Redis key prefix, hash tag included (`{baton}`). */
  readonly keyPrefix: string;
  readonly logger: Logger;
  readonly renderCard: TemplateCardRenderer;
  readonly decodeKey: ButtonKeyDecoder;
}) {
  const logger = deps.logger.child({ component: 'wecom-longconn', botId: deps.config.botId });
  const keys = longConnectionKeys(deps.keyPrefix, deps.config.botId);
  const instanceId = randomUUID();
  const cardStates = createCardStates(deps.redis, keys);
  const relay = createRelayClient({
    redis: deps.redis,
    keys,
    instanceId,
    timeoutMs: RELAY_TIMEOUT_MS,
    logger,
  });
  let session: BotSession | null = null;
  /** Set when this process stops taking callbacks, i.e. it is shutting down. */
  let closing = false;

  return {
    cardStates,
    /** A proactive send to a group chatid or a userid; resolves with its req_id. */
    send(chatid: string, body: Record<string, unknown>): Promise<string> {
      if (session) return session.send(chatid, body);
      // A closing process fails fast, so its workers stop promptly; the queue retries the send
      // in a process that stays.
      if (closing)
        return Promise.reject(
          new ChatPlatformError('transient', 'this process has closed its WeCom long connection'),
        );
      return relay.send(chatid, body);
    },
    /** Campaigns for the connection until closed; the holder takes callbacks into `inbound`. */
    start(inbound: InboundHandler): { close(): Promise<void> } {
      let server: ReturnType<typeof startRelayServer> | null = null;
      let reopen: NodeJS.Timeout | null = null;
      const open = () => {
        session = startBotSession({
          config: deps.config,
          inbound,
          logger,
          renderCard: deps.renderCard,
          decodeKey: deps.decodeKey,
          cardStates,
          // Kicked by a connection outside this deployment: WeCom's SDK stays down, so try again
          // after a lease period rather than leave the deployment without a connection.
          onKicked: () => {
            reopen = setTimeout(() => {
              if (!lease.held()) return;
              session?.close();
              open();
            }, deps.config.leaseMs);
          },
        });
      };
      const lease = startLeaderLease({
        redis: deps.redis,
        key: keys.holder,
        holderId: instanceId,
        ttlMs: deps.config.leaseMs,
        logger,
        onAcquired: async () => {
          open();
          server = startRelayServer({
            redis: deps.redis,
            keys,
            logger,
            send: (chatid, body) => {
              if (!session) throw new ChatPlatformError('transient', 'WeCom connection closing');
              return session.send(chatid, body);
            },
          });
        },
        onLost: async () => {
          if (reopen) clearTimeout(reopen);
          await server?.close();
          server = null;
          session?.close();
          session = null;
        },
      });
      return {
        close: () => {
          closing = true;
          return lease.close();
        },
      };
    },
    async close() {
      await relay.close();
    },
  };
}
