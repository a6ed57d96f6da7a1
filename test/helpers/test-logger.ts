import { Writable } from 'node:stream';
import pino from 'pino';

export const silentLogger = pino({ level: 'silent' });

/** A logger at `info` whose JSON lines the test can read back. */
export function createTestLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines: () => lines };
}
