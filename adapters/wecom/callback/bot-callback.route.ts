import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { InboundCardAction } from '../../../src/ports/inbound-event.types.js';
import type { InboundHandler, InboundOutcome } from '../../../src/ports/inbound-handler.port.js';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import { renderTemplateCard } from '../render/template-card.render.js';
import { mapAibotCallback } from './aibot-callback.mapper.js';
import { aibotCallbackSchema } from './aibot-callback.schema.js';
import type { AnsweredCards } from './answered-cards.js';
import type { CallbackKeys } from './callback.config.js';
import { CallbackRejected, parseSignedQuery, sealReply } from './callback-envelope.js';
import { callbackOpener } from './callback-opener.js';
import { prepareCallbackScope } from './callback-scope.js';
import type { PassiveReplySlots } from './passive-reply-slots.js';

const echoSchema = z.object({ echostr: z.string().min(1).max(4_096) });
const bodySchema = z.object({ encrypt: z.string().min(1) });

export interface BotCallbackDeps {
  readonly keys: CallbackKeys;
  readonly windowS: number;
  readonly inbound: InboundHandler;
  readonly slots: PassiveReplySlots;
  readonly answeredCards: AnsweredCards;
  readonly replayGuard: ReplayGuard;
  readonly logger: Logger;
  /** How long a message callback waits for the engine's card to answer with (WeCom: 5 s). */
  readonly replyWaitMs: number;
}

/**
 * `GET|POST /wecom/bot`: an intelligent bot in API mode. GET verifies the URL (bare plaintext);
 * POST takes encrypted JSON callbacks: an @-command is answered with the engine's card as the
 * encrypted passive reply, a card click with `update_template_card` of the task's new card.
 */
export function botCallbackRoutes(deps: BotCallbackDeps): FastifyPluginAsync {
  return async (app) => {
    prepareCallbackScope(app, deps.logger, '/wecom/bot');
    const nowS = () => Math.floor(Date.now() / 1000);
    const open = callbackOpener({
      keys: deps.keys,
      windowS: deps.windowS,
      replayGuard: deps.replayGuard,
      receiver: 'bot',
    });

    app.get('/wecom/bot', async (request, reply) => {
      const query = parseSignedQuery(request.query);
      const echo = echoSchema.safeParse(request.query);
      if (!echo.success) throw new CallbackRejected(400, 'missing echostr');
      // A proxy may have turned a raw '+' into a space.
      const plaintext = await open('GET', query, echo.data.echostr.replaceAll(' ', '+'));
      return reply.type('text/plain').send(plaintext);
    });

    app.post('/wecom/bot', async (request, reply) => {
      const arrived = Date.now();
      const query = parseSignedQuery(request.query);
      const envelope = bodySchema.safeParse(parseJson(request.body));
      if (!envelope.success) throw new CallbackRejected(400, 'not an encrypted JSON callback');
      const opened = await open('POST', query, envelope.data.encrypt);
      const callback = aibotCallbackSchema.safeParse(parseJson(opened));
      if (!callback.success) throw new CallbackRejected(400, 'unexpected callback JSON');
      const mapped = mapAibotCallback(callback.data, new Date(arrived));
      const answer = (plaintext: string) => {
        const sealed = sealReply(deps.keys, plaintext, query.nonce, nowS());
        return reply.type('application/json').send({
          encrypt: sealed.encrypt,
          msgsignature: sealed.signature,
          timestamp: sealed.timestamp,
          nonce: query.nonce,
        });
      };
      if (mapped.kind === 'ignored') return reply.send('');
      if (mapped.kind === 'card-action') {
        const outcome = await handleClick(deps, mapped.taskId, mapped.event);
        if (!outcome.updatedCard) return reply.send('');
        return answer(
          JSON.stringify({
            response_type: 'update_template_card',
            template_card: renderTemplateCard(outcome.updatedCard, mapped.taskId),
          }),
        );
      }
      const { chat, sender } = mapped.event;
      const target = chat.isGroup
        ? { kind: 'chat' as const, chatId: chat.chatId }
        : { kind: 'person' as const, platformUserId: sender.platformUserId };
      const slot = await deps.slots.open(target);
      await deps.inbound.handle(mapped.event);
      // A redelivery (WeCom retrying a callback it gave up on, maybe on another process) has
      // taken the chat's slot over: it, not the abandoned first delivery, answers with the card.
      const plaintext = await slot.wait(
        arrived + deps.replyWaitMs,
        callback.data.response_url ?? null,
      );
      return plaintext ? answer(plaintext) : reply.send('');
    });
  };
}

/** Handles a click, noting the card it will be answered with for the engine's own update. */
async function handleClick(
  deps: BotCallbackDeps,
  taskId: string,
  event: InboundCardAction,
): Promise<InboundOutcome> {
  await deps.answeredCards.clickStarted(taskId);
  try {
    const outcome = await deps.inbound.handle(event);
    if (outcome.updatedCard) await deps.answeredCards.shown(taskId, outcome.updatedCard);
    else await deps.answeredCards.clickFailed(taskId);
    return outcome;
  } catch (error) {
    await deps.answeredCards.clickFailed(taskId);
    throw error;
  }
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') throw new CallbackRejected(400, 'empty body');
  try {
    return JSON.parse(text);
  } catch {
    throw new CallbackRejected(400, 'malformed JSON');
  }
}
