import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { CallbackRejected } from './callback-envelope.js';

/** Real callbacks are a few KiB; this bounds what an anonymous sender can make us read. */
export const CALLBACK_BODY_LIMIT_BYTES = 64 * 1024;
/** Seconds a 503 asks WeCom to wait, as Baton's other 503s do. */
const RETRY_AFTER_S = '5';

/**
 * Prepares a callback plugin's scope: every body is read as a bounded string (WeCom's
 * Content-Type is not documented, and we parse JSON/XML ourselves), and refusals are answered
 * fast with a 4xx (or a 503 to come back later) and logged with the reason only, never the body.
 */
export function prepareCallbackScope(app: FastifyInstance, logger: Logger, route: string): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error, request, reply) => {
    const rejected = error instanceof CallbackRejected;
    const status = rejected ? error.status : statusOf(error);
    if (status >= 500 && !rejected) throw error;
    const reason = rejected ? error.reason : codeOf(error);
    logger.warn({ route, reason, status, ip: request.ip }, 'WeCom callback refused');
    if (status === 503) reply.header('retry-after', RETRY_AFTER_S);
    return reply.status(status).type('text/plain').send('refused');
  });
}

function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const { statusCode } = error;
    if (typeof statusCode === 'number') return statusCode;
  }
  return 500;
}

function codeOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
  ) {
    return error.code;
  }
  return 'bad request';
}
