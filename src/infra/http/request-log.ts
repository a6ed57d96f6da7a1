import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * Fastify's lines for every request (incoming, completed, no such route) at `debug`: at `info`
 * each webhook, page and poll would write two. A request that failed is still logged at `error`
 * (Fastify's own line here; the error handler's `request failed` with the error).
 */
export class DebugRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`Route ${request.method}:${request.url} not found`);
  }
}
