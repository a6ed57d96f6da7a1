import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/infra/http/app.js';
import { loggerOptions } from '../../../src/infra/logging/logger.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

async function appLoggingAt(level: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    logger: pino(loggerOptions(level), stream),
    adminToken: 'test-token',
    metrics: createMetrics(),
    orgStore: { loadOrg: async () => null },
    queues: [],
    readinessChecks: [],
  });
  return { app, lines };
}

describe('the HTTP request log', () => {
  beforeAll(() => process.on('warning', onWarning));
  afterAll(() => process.off('warning', onWarning));

  it('writes no line per request at info', async () => {
    const { app, lines } = await appLoggingAt('info');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/no-such-page' })).statusCode).toBe(404);
    await app.close();
    expect(lines).toEqual([]);
  });

  it('writes them at debug, without the request’s headers or secrets', async () => {
    const { app, lines } = await appLoggingAt('debug');
    await app.inject({
      method: 'GET',
      url: '/healthz?token=sekrit',
      headers: { authorization: 'Bearer sekrit' },
    });
    await app.inject({ method: 'GET', url: '/no-such-page' });
    await app.close();
    const messages = lines.map((line) => JSON.parse(line).msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'incoming request',
        'request completed',
        'Route GET:/no-such-page not found',
      ]),
    );
    expect(lines.join('')).not.toContain('sekrit');
    const completed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ level: 20, res: { statusCode: 200 } });
  });

  it('uses no deprecated Fastify option (FSTDEP023: disableRequestLogging)', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name + ('code' in w ? `:${String(w.code)}` : ''))).toEqual([]);
  });
});
