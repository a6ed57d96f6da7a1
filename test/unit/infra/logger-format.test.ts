import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logFormatFor } from '../../../src/infra/logging/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('the log format', () => {
  it.each([
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['json', true, 'json'],
    ['pretty', false, 'pretty'],
  ] as const)('LOG_FORMAT=%s with a terminal: %s → %s', (setting, toTerminal, format) => {
    expect(logFormatFor(setting, toTerminal)).toBe(format);
  });

  it('is one JSON object a line off a terminal', () => {
    const { stream, lines } = capture();
    createLogger('info', 'json', stream).info({ database: 'pglite' }, 'database ready');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, msg: 'database ready' });
  });

  it('is one readable line on a terminal, still without secrets', () => {
    const { stream, lines } = capture();
    createLogger('info', 'pretty', stream).info(
      { database: 'pglite', config: { token: 'sekrit' } },
      'database ready',
    );
    expect(lines).toHaveLength(1);
    const [line = ''] = lines;
    expect(() => JSON.parse(line)).toThrow();
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: database ready \{"database":"pglite"/);
    expect(line).toContain('[redacted]');
    expect(line).not.toContain('sekrit');
  });
});
