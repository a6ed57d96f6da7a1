import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../project-paths.js';

const COOKIE = 'baton_admin';

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * The token a request carries: `Authorization: Bearer …`; `?token=` (links opened from chat
 * cards and the start-up banner); or the cookie set when such a link was opened, so pages that
 * load their own assets and data keep working.
 */
function tokenOf(request: FastifyRequest): { token: string; fromQuery: boolean } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), fromQuery: false };
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.token === 'string') return { token: query.token, fromQuery: true };
  const cookie = cookieValue(request.headers.cookie, COOKIE);
  return cookie === null ? null : { token: cookie, fromQuery: false };
}

/** A person opening a page in a browser (a chat card's link) gets a form to enter the token. */
function wantsPage(request: FastifyRequest): boolean {
  return request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
}

let loginPage: Buffer | null = null;
function loginPageHtml(): Buffer {
  loginPage ??= readFileSync(
    join(PROJECT_ROOT, 'src', 'infra', 'http', 'public', 'console-login.html'),
  );
  return loginPage;
}

/** An onRequest hook refusing requests without the admin token with 401. */
export function requireAdminToken(expected: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = tokenOf(request);
    if (given === null || !tokensMatch(given.token, expected)) {
      if (wantsPage(request))
        return reply.status(401).type('text/html; charset=utf-8').send(loginPageHtml());
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="baton"')
        .send({ error: { code: 'auth.unauthorized', message: 'A valid admin token is required' } });
    }
    if (given.fromQuery) {
      reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(expected)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000`,
      );
    }
  };
}
