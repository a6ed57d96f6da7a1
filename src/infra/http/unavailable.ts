/**
 * Error codes that mean a backing service (PostgreSQL, Redis) cannot be reached right now, not
 * that the request is wrong: the socket errors of Node, and PostgreSQL's connection-exception
 * class (08…) and shutdown codes (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
 * connect now).
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const POSTGRES_SHUTDOWN = new Set(['57P01', '57P02', '57P03']);
/** What node-postgres says when the server goes away under it, or its pool cannot connect. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/**
 * True when `error`, or an error it wraps (drizzle wraps driver errors in `cause`), says a
 * backing service is unavailable: such a request should be answered 503, so that a platform
 * sends its callback again later instead of it being lost.
 */
export function isServiceUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || POSTGRES_SHUTDOWN.has(code) || /^08[0-9A-Z]{3}$/.test(code))
        return true;
    }
    const message = 'message' in current ? current.message : undefined;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.includes(m)))
      return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}
