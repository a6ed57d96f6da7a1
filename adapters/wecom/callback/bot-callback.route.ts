import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { MessageTarget } from '../../../src/ports/chat-platform.port.js';
import type { InboundCardAction, InboundMessage } from '../../../src/ports/inbound-event.types.js';
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
  /** Message callbacks of this process that wait for their reply at once; others answer empty. */
  readonly waitingMax: number;
  /**
   * Card clicks this process runs at once; past it a click is answered 503 at once. WeCom does
   * not send a card event again: the card stays as it was and the user taps again.
   */
  readonly clicksMax: number;
}

/**
 * `GET|POST /wecom/bot`: an intelligent bot in API mode. GET verifies the URL (bare plaintext);
 * POST takes encrypted JSON callbacks: an @-command is kept in the inbox and answered with the
 * engine's reply as the encrypted passive reply when it comes in time (else empty, the reply
 * following through the response_url); a card click runs at once and is answered with
 * `update_template_card` of the task's new card.
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
    const waiting = { count: 0 };
    let clicking = 0;

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
        if (clicking >= deps.clicksMax) throw new CallbackRejected(503, 'too many clicks at once');
        clicking += 1;
        const outcome = await handleClick(deps, mapped.taskId, mapped.event).finally(() => {
          clicking -= 1;
        });
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
      const plaintext = await takeMessage(deps, waiting, target, mapped.event, {
        deadline: arrived + deps.replyWaitMs,
        responseUrl: callback.data.response_url ?? null,
      });
      return plaintext ? answer(plaintext) : reply.send('');
    });
  };
}

/**
 * Keeps a message in the inbox and answers with the engine's reply when it comes in time. Only
 * a few callbacks of this process wait at once; the others answer empty at once, their replies
 * going through the response_url. Slots open in the order Redis answers, and each insert is asked
 * for as its slot opens, so a chat's slots queue in the order its events will run.
 */
async function takeMessage(
  deps: BotCallbackDeps,
  waiting: { count: number },
  target: MessageTarget,
  event: InboundMessage,
  callback: { readonly deadline: number; readonly responseUrl: string | null },
): Promise<string | null> {
  // A place among the waiting callbacks is taken before the slot opens, so bursts keep to it.
  const mayWait = waiting.count < deps.waitingMax;
  if (mayWait) waiting.count += 1;
  try {
    const opened = await deps.slots.open(target, {
      messageId: event.messageId,
      responseUrl: callback.responseUrl,
      mayWait,
    });
    if (opened.kind === 'full') throw new CallbackRejected(503, 'too many replies owed');
    let duplicate: boolean;
    try {
      ({ duplicate } = await deps.inbound.enqueue(event));
    } catch (err) {
      // Not kept (answered 503, WeCom sends it again); a redelivery's first delivery was kept.
      if (opened.kind !== 'answered' && !opened.slot.takeover) await opened.slot.withdraw();
      throw err;
    }
    if (opened.kind === 'answered') return null;
    if (duplicate && !opened.slot.takeover) return opened.slot.withdraw();
    if (opened.kind === 'late') return null;
    return await opened.slot.wait(callback.deadline);
  } finally {
    if (mayWait) waiting.count -= 1;
  }
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
