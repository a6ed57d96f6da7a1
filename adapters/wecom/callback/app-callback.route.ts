import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Card } from '../../../cards/card.types.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import { mapAppCallback } from './app-callback.mapper.js';
import { appEnvelopeSchema, appMessageSchema, parseXml } from './app-callback.schema.js';
import type { CallbackKeys } from './callback.config.js';
import { CallbackRejected, parseSignedQuery } from './callback-envelope.js';
import { callbackOpener } from './callback-opener.js';
import { prepareCallbackScope } from './callback-scope.js';

const echoSchema = z.object({ echostr: z.string().min(1).max(4_096) });

/** Replaces the clicked card for its clicker with the click's own single-use response code. */
export type UpdateClickedCard = (click: {
  readonly responseCode: string;
  readonly userId: string;
  readonly taskId: string;
  readonly card: Card;
}) => Promise<void>;

export interface AppCallbackDeps {
  readonly keys: CallbackKeys;
  readonly windowS: number;
  readonly inbound: InboundHandler;
  readonly replayGuard: ReplayGuard;
  readonly logger: Logger;
  /** Absent when the app has no secret (callbacks only, no API calls). */
  readonly updateClickedCard: UpdateClickedCard | null;
}

/**
 * `GET|POST /wecom/app`: the self-built app's encrypted XML callbacks (receive id = CorpID),
 * answered with an empty 200. A message is answered once it is committed to the inbox (workers
 * run it right after), so a burst is taken at the speed of the group-committed insert, not of
 * the engine. A card click runs in the engine first: a click that changed its task gets the new
 * card through update_template_card, with the click's single-use code, right after the answer.
 */
export function appCallbackRoutes(deps: AppCallbackDeps): FastifyPluginAsync {
  return async (app) => {
    prepareCallbackScope(app, deps.logger, '/wecom/app');
    const open = callbackOpener({
      keys: deps.keys,
      windowS: deps.windowS,
      replayGuard: deps.replayGuard,
      receiver: 'app',
    });

    app.get('/wecom/app', async (request, reply) => {
      const query = parseSignedQuery(request.query);
      const echo = echoSchema.safeParse(request.query);
      if (!echo.success) throw new CallbackRejected(400, 'missing echostr');
      const plaintext = await open('GET', query, echo.data.echostr.replaceAll(' ', '+'));
      return reply.type('text/plain').send(plaintext);
    });

    app.post('/wecom/app', async (request, reply) => {
      const receivedAt = new Date();
      const query = parseSignedQuery(request.query);
      if (typeof request.body !== 'string') throw new CallbackRejected(400, 'empty body');
      const envelope = parseXml(request.body, appEnvelopeSchema).xml;
      if (envelope.ToUserName !== deps.keys.receiveId) {
        throw new CallbackRejected(403, 'wrong receive id');
      }
      const message = parseXml(await open('POST', query, envelope.Encrypt), appMessageSchema).xml;
      const mapped = mapAppCallback(message, deps.keys.receiveId, receivedAt);
      if (mapped.kind === 'ignored') return reply.send('');
      if (mapped.kind === 'message') {
        await deps.inbound.enqueue(mapped.event);
        return reply.send('');
      }
      const outcome = await deps.inbound.handle(mapped.event);
      if (mapped.kind === 'card-action' && outcome.updatedCard && mapped.responseCode) {
        const click = {
          responseCode: mapped.responseCode,
          userId: message.FromUserName,
          taskId: mapped.taskId,
          card: outcome.updatedCard,
        };
        // After the answer: WeCom re-sends callbacks not answered within 5 s.
        reply.raw.once('finish', () => updateLater(deps, click));
      }
      return reply.send('');
    });
  };
}

function updateLater(deps: AppCallbackDeps, click: Parameters<UpdateClickedCard>[0]): void {
  deps.updateClickedCard?.(click).catch((err: unknown) => {
    // The engine's queued update (or a re-issued card) still brings the card up to date.
    deps.logger.warn({ err, taskId: click.taskId }, 'WeCom clicked-card update failed');
  });
}
