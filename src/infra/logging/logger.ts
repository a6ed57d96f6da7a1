import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

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

/**
 * drizzle writes a failed query's parameters (message text, event JSON) into its error's
 * message and stack; they are cut from every logged string and error, whatever the call site.
 */
const QUERY_PARAMS = /\nparams: [\s\S]*$/;

function withoutQueryParams(text: string): string {
  return text.replace(QUERY_PARAMS, '\nparams: [redacted]');
}

/** A log line's fields with any query parameters cut out (errors become pino's plain form). */
export function scrubLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') scrubbed[key] = withoutQueryParams(value);
    else if (value instanceof Error) scrubbed[key] = scrubError(value);
    else scrubbed[key] = value;
  }
  return scrubbed;
}

function scrubError(error: Error): unknown {
  const plain = pino.stdSerializers.err(error);
  return {
    ...plain,
    message: withoutQueryParams(plain.message),
    stack: withoutQueryParams(plain.stack),
    // The stack is cut at the parameters, "caused by" included: the cause is kept on its own.
    ...(error.cause instanceof Error ? { cause: scrubError(error.cause) } : {}),
  };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { log: scrubLogFields },
  };
}

/** JSON lines for log collectors; `pretty`: coloured lines a person reads at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** `auto` is pretty on a terminal and JSON anywhere else (a file, a pipe, a log collector). */
export function logFormatFor(setting: 'auto' | LogFormat, toTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return toTerminal ? 'pretty' : 'json';
}

/** The process logger, writing to stdout unless told otherwise. */
export function createLogger(
  level: string,
  format: LogFormat = 'json',
  destination: DestinationStream = process.stdout,
): Logger {
  if (format === 'json') return pino(loggerOptions(level), destination);
  return pino(
    loggerOptions(level),
    pretty({
      destination,
      sync: true,
      colorize: destination === process.stdout ? process.stdout.isTTY === true : false,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      singleLine: true,
    }),
  );
}

/** Query parameters whose values never reach the logs (console links carry the admin token). */
const SECRET_QUERY_PARAMS =
  /([?&](?:token|access_token|sign|signature|msg_signature|echostr)=)[^&]*/gi;

/** What a response log line says of the reply. */
export function serializeReply(reply: FastifyReply) {
  return { statusCode: reply.statusCode };
}

/** What a request log line says of the request: no headers, no secrets in the URL. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(SECRET_QUERY_PARAMS, '$1[redacted]'),
    remoteAddress: request.ip,
  };
}
