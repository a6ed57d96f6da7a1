import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../../../src/domain/command/command.usage.js';
import { startSampleOrgEngine } from '../../helpers/sample-org-engine.js';

type Engine = Awaited<ReturnType<typeof startSampleOrgEngine>>;

/** A command name mistyped on a pinyin keyboard, answered by the engine on the sample org. */
describe('a mistyped command', () => {
  let engine: Engine;
  let tenant: string;
  beforeAll(async () => {
    engine = await startSampleOrgEngine(new Date('2026-11-23T10:00:00+08:00'));
    tenant = await engine.tenant();
  });
  afterAll(() => engine.stop());

  const answer = async (text: string) =>
    (await engine.say(tenant, 'office', 'zhengyi', text)).join('\n');

  it('asks whether the command it sounds like was meant, with that one usage only', async () => {
    const reply = await answer('/人物 修空调 @张三 明天');
    expect(reply).toMatch(/^❗没有 \/人物 这个命令。你是不是想输入 \/任务？/);
    expect(reply).toContain('用法：/任务 <标题>');
    expect(reply).not.toContain(helpText(null));
    expect(reply).not.toContain('/周报');
  });

  it('still lists every command when nothing comes close', async () => {
    const reply = await answer('/天气');
    expect(reply).toContain('没有 /天气 这个命令。');
    expect(reply).toContain(helpText(null));
  });
});
