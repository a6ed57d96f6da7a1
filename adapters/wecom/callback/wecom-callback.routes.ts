import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import type { AnsweredCards } from './answered-cards.js';
import { appCallbackRoutes, type UpdateClickedCard } from './app-callback.route.js';
import { botCallbackRoutes } from './bot-callback.route.js';
import type { WecomHttpConfig } from './callback.config.js';
import type { PassiveReplySlots } from './passive-reply-slots.js';

/** WeCom answers a message callback after 5 s at the latest; keep a margin for the network. */
const DEFAULT_REPLY_WAIT_MS = 3_000;
/**
 * Waiting callbacks each hold a connection and poll Redis; a few cover a chat's usual traffic,
 * and past them the route answers as fast as it can take messages into the inbox.
 */
const WAITING_MAX = 8;
/** A click is one engine transaction on the request path: more at once only queue on the pool. */
const CLICKS_MAX = 32;

export interface WecomCallbackDeps {
  readonly config: WecomHttpConfig;
  readonly slots: PassiveReplySlots;
  readonly answeredCards: AnsweredCards;
  readonly replayGuard: ReplayGuard;
  readonly logger: Logger;
  readonly updateClickedCard: UpdateClickedCard | null;
  readonly replyWaitMs?: number;
  /** Card clicks this process runs at once (default 32). */
  readonly clicksMax?: number;
}

/**
 * The WeCom callback routes this deployment is configured for (`/wecom/bot`, `/wecom/app`), as
 * a PlatformModule's `routes`. Each route verifies WeCom's signatures itself.
 */
export function wecomCallbackRoutes(
  deps: WecomCallbackDeps,
): (inbound: InboundHandler) => FastifyPluginAsync {
  return (inbound) => async (app) => {
    const common = {
      windowS: deps.config.windowS,
      inbound,
      replayGuard: deps.replayGuard,
      logger: deps.logger,
    };
    if (deps.config.bot) {
      await app.register(
        botCallbackRoutes({
          ...common,
          keys: deps.config.bot,
          slots: deps.slots,
          answeredCards: deps.answeredCards,
          replyWaitMs: deps.replyWaitMs ?? DEFAULT_REPLY_WAIT_MS,
          waitingMax: WAITING_MAX,
          clicksMax: deps.clicksMax ?? CLICKS_MAX,
        }),
      );
    }
    if (deps.config.app) {
      await app.register(
        appCallbackRoutes({
          ...common,
          keys: deps.config.app,
          updateClickedCard: deps.updateClickedCard,
        }),
      );
    }
  };
}
