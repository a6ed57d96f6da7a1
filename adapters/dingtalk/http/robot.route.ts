import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { verifyRobotRequest } from '../dingtalk-sign.js';
import type { RobotMessageQueue } from '../inbound/robot-message-queue.js';

const REFUSALS = {
  missing: 'missing timestamp or sign',
  stale: 'timestamp too far from now',
  forged: 'sign does not match',
} as const;

/**
 * HTTP-mode robot messages (`DINGTALK_MODE=http`): DingTalk POSTs each message with `timestamp`
 * and `sign` headers. Refuses unsigned, forged and stale requests; answers at once with an empty
 * reply once the message is queued and processes it after, so DingTalk's short timeout never fires
 * and an outage of the database loses nothing.
 */
export function dingtalkRobotRoute(deps: {
  readonly appSecret: string;
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
      const check = verifyRobotRequest(
        { timestamp: header('timestamp'), sign: header('sign') },
        deps.appSecret,
        deps.now(),
      );
      if (check !== 'ok') {
        deps.logger.warn({ check }, 'refused a DingTalk robot request');
        return reply.code(401).send({ error: REFUSALS[check] });
      }
      await deps.robotMessages.take(request.body);
      return { msgtype: 'empty' };
    });
  };
}
