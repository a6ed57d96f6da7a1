import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/domain-error.js';
import { isServiceUnavailable } from './unavailable.js';

/** One mapping from errors to HTTP answers: `{ error: { code, message } }`, 5xx details hidden. */
export function handleHttpError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    return reply.status(400).send({ error: { code: error.code, message: error.userMessage } });
  }
  if (isServiceUnavailable(error)) {
    request.log.warn({ err: error.message }, 'a backing service is unavailable; answered 503');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send({ error: { code: 'unavailable', message: 'Service Unavailable' } });
  }
  const status =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(status)
      .send({ error: { code: 'internal', message: 'Internal Server Error' } });
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'bad_request';
  return reply.status(status).send({ error: { code, message: error.message } });
}
