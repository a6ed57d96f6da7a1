import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { CallbackRejected } from './callback-envelope.js';

/** Real callbacks are a few KiB; this bounds what an anonymous sender can make us read. */
export const CALLBACK_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Prepares a callback plugin's scope: every body is read as a bounded string (WeCom's
 * Content-Type is not documented, and we parse JSON/XML ourselves), and refusals are answered
 * fast with a 4xx and logged with the reason only, never the body.
 */
export function prepareCallbackScope(app: FastifyInstance, logger: Logger, route: string): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error, request, reply) => {
    const status = error instanceof CallbackRejected ? error.status : statusOf(error);
    if (status >= 500) throw error;
    const reason = error instanceof CallbackRejected ? error.reason : codeOf(error);
    logger.warn({ route, reason, status, ip: request.ip }, 'WeCom callback refused');
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
