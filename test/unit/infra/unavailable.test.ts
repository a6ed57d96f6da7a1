import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleHttpError } from '../../../src/infra/http/error-handler.js';
import { isServiceUnavailable } from '../../../src/infra/http/unavailable.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause });

describe('a backing service unavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['timed out', withCode('ETIMEDOUT')],
    [
      'PostgreSQL admin shutdown',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up', withCode('57P03', 'the database system is starting up')],
    ['PostgreSQL connection exception', withCode('08006')],
    ['node-postgres losing its server', new Error('Connection terminated unexpectedly')],
    ['the pool unable to connect', new Error('timeout exceeded when trying to connect')],
    ['drizzle wrapping a refused connection', wrapped(withCode('ECONNREFUSED'))],
    ['two wrappers deep', wrapped(wrapped(withCode('57P01')))],
  ])('is recognised: %s', (_what, error) => {
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value')],
    ['a syntax error', withCode('42601')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
    ['a wrapped bug', wrapped(new RangeError('bad'))],
  ])('is not claimed for %s', (_what, error) => {
    expect(isServiceUnavailable(error)).toBe(false);
  });
});

describe('the HTTP answer', () => {
  it('is 503 with Retry-After when the database is away, so platforms send again', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(handleHttpError);
    app.get('/down', async () => {
      throw wrapped(withCode('57P01', 'terminating connection'));
    });
    app.get('/bug', async () => {
      throw new TypeError('x is undefined');
    });
    const down = await app.inject({ url: '/down' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json()).toEqual({ error: { code: 'unavailable', message: 'Service Unavailable' } });
    expect((await app.inject({ url: '/bug' })).statusCode).toBe(500);
    await app.close();
  });
});
