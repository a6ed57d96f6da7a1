import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { ReplayGuard } from '../../../src/ports/replay-guard.port.js';
import { verifyRobotRequest } from '../dingtalk-sign.js';
import type { RobotMessageQueue } from '../inbound/robot-message-queue.js';
import { robotReplays } from './robot-replays.js';

const REFUSALS = {
  missing: 'missing timestamp or sign',
  stale: 'timestamp too far from now',
  forged: 'sign does not match',
  replayed: 'timestamp or msgId already taken with another message',
} as const;
/** Seconds a 503 asks DingTalk to wait, as Baton's other 503s do. */
const RETRY_AFTER_S = '5';

/**
 * HTTP-mode robot messages (`DINGTALK_MODE=http`): DingTalk POSTs each message with `timestamp`
 * and `sign` headers. Refuses unsigned, forged, stale and replayed requests; answers at once with
 * an empty reply once the message is queued and processes it after, so DingTalk's short timeout
 * never fires and an outage of the database loses nothing.
 */
export function dingtalkRobotRoute(deps: {
  readonly appSecret: string;
  /** How far a timestamp may be from now. */
  readonly windowMs: number;
  readonly replayGuard: ReplayGuard;
  readonly robotMessages: RobotMessageQueue;
  readonly now: () => Date;
  readonly logger: Logger;
}): FastifyPluginAsync {
  return async (app) => {
    app.post('/dingtalk/robot', async (request, reply) => {
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const refuse = (check: keyof typeof REFUSALS) => {
        deps.logger.warn({ check }, 'refused a DingTalk robot request');
        return reply.code(401).send({ error: REFUSALS[check] });
      };
      const timestamp = header('timestamp') ?? '';
      const signed = verifyRobotRequest(
        { timestamp, sign: header('sign') },
        deps.appSecret,
        deps.now(),
        deps.windowMs,
      );
      if (signed !== 'ok') return refuse(signed);
      let replay: Awaited<ReturnType<typeof robotReplays>>;
      try {
        replay = await robotReplays({
          guard: deps.replayGuard,
          timestamp,
          body: request.body,
          windowMs: deps.windowMs,
        });
      } catch {
        // Unchecked is not accepted: the sign could be carrying a replay. DingTalk may resend.
        deps.logger.warn('DingTalk robot request deferred: the replay check is unavailable');
        return reply
          .code(503)
          .header('retry-after', RETRY_AFTER_S)
          .send({ error: 'replay check unavailable' });
      }
      if (replay !== 'ok') return refuse(replay);
      await deps.robotMessages.take(request.body);
      return { msgtype: 'empty' };
    });
  };
}
