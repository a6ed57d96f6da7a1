import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../../src/main/startup-progress.js';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('start-up progress lines', () => {
  it('are written to a terminal, one a step', () => {
    const out = output(true);
    const progress = terminalProgress(out);
    progress('数据库迁移…');
    progress('载入示例组织…');
    expect(out.written).toEqual(['  数据库迁移…\n', '  载入示例组织…\n']);
  });

  it('are not written anywhere else (the JSON log lines say the same)', () => {
    const out = output(false);
    terminalProgress(out)('数据库迁移…');
    expect(out.written).toEqual([]);
  });
});
