import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { routeConsoleToLogger } from '../../../src/infra/logging/console-to-logger.js';

const original = { ...console };
/** The console as the libraries see it: these tests write to it on purpose. */
const libraryConsole: Console = console;

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  routeConsoleToLogger(pino({ level: 'debug' }, stream));
  return lines;
}

describe('console output of libraries', () => {
  afterEach(() => Object.assign(console, original));

  it.each([
    ['log', 30],
    ['info', 30],
    ['debug', 20],
    ['warn', 40],
    ['error', 50],
  ] as const)('console.%s becomes a structured record at level %i', (method, level) => {
    const lines = capture();
    libraryConsole[method]('[2026-11-23T05:00:00.000Z] connect success', 3);
    expect(lines).toEqual([
      expect.objectContaining({
        level,
        source: 'console',
        msg: '[2026-11-23T05:00:00.000Z] connect success 3',
      }),
    ]);
  });

  it('formats errors and cuts long lines, so a printed payload is not logged whole', () => {
    const lines = capture();
    libraryConsole.warn('ERROR', new Error('socket hang up'));
    libraryConsole.info('x'.repeat(2_000));
    expect(lines[0]?.msg).toContain('ERROR Error: socket hang up');
    expect(lines[1]?.msg).toBe(`${'x'.repeat(500)}… (2000 chars)`);
  });
});
