import type { FastifyRequest } from 'fastify';
import pino, { type Logger, type LoggerOptions } from 'pino';

/** Paths pino blanks out: credentials and message bodies never reach the logs in full. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-baton-token"]',
  '*.token',
  '*.secret',
  '*.password',
  '*.aesKey',
  '*.webhookKey',
  '*.text',
  '*.body',
];

export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

/** Query parameters whose values never reach the logs (console links carry the admin token). */
const SECRET_QUERY_PARAMS =
  /([?&](?:token|access_token|sign|signature|msg_signature|echostr)=)[^&]*/gi;

/** What a request log line says of the request: no headers, no secrets in the URL. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(SECRET_QUERY_PARAMS, '$1[redacted]'),
    remoteAddress: request.ip,
  };
}
