import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token a request carries: `Authorization: Bearer …`, or `?token=` for links opened from chat. */
function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : null;
}

/** An onRequest hook refusing requests without the admin token with 401. */
export function requireAdminToken(expected: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = tokenOf(request);
    if (given === null || !tokensMatch(given, expected)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="baton"')
        .send({ error: { code: 'auth.unauthorized', message: 'A valid admin token is required' } });
    }
  };
}
