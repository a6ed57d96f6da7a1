import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** The sample org with a working hour that starts two hours from now, Shanghai time. */
function orgOffWorkNow(): string {
  const hour = (new Date().getUTCHours() + 8 + 2) % 24;
  const hh = (h: number) => String(h).padStart(2, '0');
  const yaml = readFileSync('test/fixtures/org/fast-ladder.yaml', 'utf8').replace(
    'workHours: "00:00-24:00"',
    `workHours: "${hh(hour)}:00-${hh(hour + 1)}:00"`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'baton-org-')), 'org.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('a ping held outside working hours', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine(orgOffWorkNow());
  });
  afterEach(() => engine.stop());

  const has = (conversation: string, pattern: RegExp) =>
    waitFor(async () => (await engine.texts(conversation)).some((t) => pattern.test(t)), {
      what: `${pattern} in ${conversation}`,
      timeoutMs: 15_000,
    });

  it('is said on the card and by /进度, with the time it will go', async () => {
    await engine.say('office', 'zhengyi', '/任务 修打印机\n报修 @张三 1分钟内');
    await has('office', /^#1 修打印机 \| #1\.1 非工作时间，将于 \S+ \d\d:00 提醒$/);
    await engine.say('office', 'zhengyi', '/进度');
    await has(
      'office',
      /^本群进行中的任务：\n#1 修打印机（报修）\n {2}#1\.1 非工作时间，将于 \S+ \d\d:00 提醒$/,
    );
  });
});
