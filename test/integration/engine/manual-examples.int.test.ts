import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandKind } from '../../../src/domain/command/command.types.js';
import { COMMAND_MANUAL } from '../../../src/domain/command/command-manual.catalog.js';
import { DEADLINE_MANUAL } from '../../../src/domain/deadline/deadline-manual.catalog.js';
import { startSampleOrgEngine } from '../../helpers/sample-org-engine.js';

type Engine = Awaited<ReturnType<typeof startSampleOrgEngine>>;

/** A Monday morning before the dates the examples name (11月30日, 2026-12-20). */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const GROUP = 'office';

/** Who says what, before the example or as it: [person, text]; `#12` stands for the task made. */
type Line = readonly [person: string, text: string];

/**
 * #1: 张三 contacts the supplier; then 钱七 approves the cost while 吴十 helps on site. The
 * examples' `#12` is this task (each example has an organisation of its own, so it is #1).
 */
const TASK: Line = [
  'zhengyi',
  '/任务 办公室空调维修\n联系供应商 @张三 明天18:00\n费用审批 @钱七 明天18:00 审批\n+ 现场配合 @吴十 周五前',
];
/** The task with #12.1 done: #12.2 (approval, 钱七) and #12.3 (吴十) are under way. */
const UNDER_WAY: readonly Line[] = [TASK, ['zhangsan', '/完成 #12.1']];
/** 钱七 asks for more time on #12.2; 郑一 started the task, so 郑一 answers. */
const EXTENSION_ASKED: readonly Line[] = [
  ...UNDER_WAY,
  ['qianqi', '/延期 #12.2 周五前 等供应商报价'],
];
const DONE_TASK: readonly Line[] = [
  ['zhengyi', '/任务 换灯泡 @张三 明天18:00'],
  ['zhangsan', '/完成 #12.1'],
];

/** For each manual example: who types it, and what has happened before. */
const SCENARIOS: Readonly<Record<CommandKind, { as: string; before: readonly Line[] }>> = {
  'create-task': { as: 'zhengyi', before: [] },
  'start-flow': { as: 'zhengyi', before: [] },
  minutes: { as: 'zhengyi', before: [] },
  status: { as: 'zhengyi', before: [TASK] },
  my: { as: 'zhangsan', before: [TASK] },
  ack: { as: 'qianqi', before: UNDER_WAY },
  done: { as: 'zhangsan', before: [TASK] },
  approve: { as: 'qianqi', before: UNDER_WAY },
  reject: { as: 'qianqi', before: UNDER_WAY },
  nudge: { as: 'zhengyi', before: UNDER_WAY },
  transfer: { as: 'qianqi', before: UNDER_WAY },
  sendback: { as: 'qianqi', before: UNDER_WAY },
  addsign: { as: 'qianqi', before: UNDER_WAY },
  cc: { as: 'zhengyi', before: [TASK] },
  pause: { as: 'wushi', before: UNDER_WAY },
  resume: { as: 'wushi', before: [...UNDER_WAY, ['wushi', '/挂起 #12.3 等待厂家配件']] },
  extend: { as: 'qianqi', before: UNDER_WAY },
  'approve-extension': { as: 'zhengyi', before: EXTENSION_ASKED },
  'deny-extension': { as: 'zhengyi', before: EXTENSION_ASKED },
  escalate: { as: 'zhengyi', before: [TASK] },
  cancel: { as: 'zhengyi', before: [TASK] },
  report: { as: 'zhengyi', before: [TASK] },
  digest: { as: 'zhangsan', before: [] },
  help: { as: 'zhengyi', before: [] },
  // 赵六 is the sample org's admin.
  setup: { as: 'zhaoliu', before: [] },
  rate: { as: 'zhengyi', before: DONE_TASK },
};

const EXAMPLES = (Object.keys(COMMAND_MANUAL) as CommandKind[]).flatMap((kind) =>
  COMMAND_MANUAL[kind].examples.map((example) => [kind, example] as const),
);

/** Every phrase `/帮助 截止时间` quotes (as its unit test reads them). */
const DEADLINE_PHRASES = DEADLINE_MANUAL.filter((line) => line.startsWith('【'))
  .flatMap((line) => line.replace(/^【[^】]+】/, '').split('、'))
  .map((phrase) => phrase.replace(/（[^）]*）/g, '').trim());

/**
 * The help's own examples, run through the engine against examples/org.sample.yaml as a
 * newcomer would type them: an example naming a person or department the sample org lacks, a
 * field its template lacks, or a deadline it refuses, is answered with ❗ and fails here.
 */
describe('the examples of /帮助, on the sample org', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startSampleOrgEngine(NOW);
  });
  afterAll(() => engine.stop());

  async function run(lines: readonly Line[]): Promise<string[]> {
    const tenant = await engine.tenant();
    let answers: string[] = [];
    for (const [person, text] of lines) {
      answers = await engine.say(tenant, GROUP, person, text.replaceAll('#12', '#1'));
      if (lines.at(-1)?.[1] !== text)
        expect(answers.join('\n'), `before the example: ${text}`).not.toContain('❗');
    }
    return answers;
  }

  it.each(EXAMPLES)('the %s example works: %s', async (kind, example) => {
    const { as, before } = SCENARIOS[kind];
    const answers = await run([...before, [as, example]]);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.join('\n')).not.toContain('❗');
  });

  it.each(DEADLINE_PHRASES)('the deadline %j of /帮助 截止时间 makes a task', async (phrase) => {
    const answers = await run([
      ['zhengyi', `/任务 截止时间示例 活动日期=2026-12-20\n处理 @张三 ${phrase}`],
    ]);
    expect(answers.join('\n')).not.toContain('❗');
    expect(answers.join('\n')).toContain('#1 截止时间示例');
  });
});
