import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../../src/infra/logging/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions('debug'), stream), lines };
}

/** What drizzle throws when a query fails: the query and its parameters in the message. */
function failedQuery(): Error {
  const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
  });
  return new Error(
    'Failed query: insert into inbox (event) values ($1)\nparams: {"text":"/完成 1.1 准备 @张三"}',
    { cause: driver },
  );
}

describe('logs never carry a failed query’s parameters', () => {
  it.each([
    ['an error object', (e: Error) => ({ err: e })],
    ['an error message string', (e: Error) => ({ err: e.message })],
    ['a stack string', (e: Error) => ({ detail: e.stack })],
  ])('as %s', (_name, fields) => {
    const { logger, lines } = capture();
    logger.warn(fields(failedQuery()), 'a backing service is unavailable');
    const [line = ''] = lines;
    expect(line).not.toContain('准备');
    expect(line).not.toContain('/完成');
    expect(line).toContain('Failed query: insert into inbox');
    expect(line).toContain('params: [redacted]');
  });

  it('keeps the driver’s cause and other fields as they were', () => {
    const { logger, lines } = capture();
    logger.error({ err: failedQuery(), inboxId: 7 }, 'request failed');
    const logged = JSON.parse(lines[0] ?? '{}');
    expect(logged.inboxId).toBe(7);
    expect(logged.err.message).toContain('connect ECONNREFUSED 127.0.0.1:5432');
    expect(logged.err.stack).toContain('caused by: Error: connect ECONNREFUSED');
  });
});
