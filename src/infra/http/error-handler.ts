import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/domain-error.js';

/** One mapping from errors to HTTP answers: `{ error: { code, message } }`, 5xx details hidden. */
export function handleHttpError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    return reply.status(400).send({ error: { code: error.code, message: error.userMessage } });
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
