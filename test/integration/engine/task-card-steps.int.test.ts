import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleOrgEngine } from '../../helpers/sample-org-engine.js';

type Engine = Awaited<ReturnType<typeof startSampleOrgEngine>>;

/** The card a new task gets, as the sample org's people see it. */
describe('the task card', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startSampleOrgEngine(new Date('2026-11-23T10:00:00+08:00'));
  });
  afterAll(() => engine.stop());

  const card = async (text: string) => {
    const answers = await engine.say(await engine.tenant(), 'office', 'zhengyi', text);
    return answers.join('\n');
  };

  it("names each owner's department and which nodes run at the same time", async () => {
    const text = await card(
      '/任务 年终晚会 活动日期=2026-12-20\n确认菜单 @餐饮部 活动前3天\n+ 安保布置 @安保部 @后勤部 活动前1天 会签\n结算 @李四 活动后1天',
    );
    expect(text).toContain('#1.1 确认菜单（与 #1.2 同时进行） · 陈十三（餐饮部）');
    expect(text).toContain('#1.2 安保布置（与 #1.1 同时进行） · 冯十二（安保部）、张三（后勤部）');
    expect(text).toContain('#1.3 结算 · 李四（财务部）');
  });

  it("shows a template node's inputs and outputs while it is under way", async () => {
    const text = await card('/流程 采购 物品=笔记本电脑 数量=3');
    expect(text).toContain(
      '#1.1 需求提报 · 郑一（业务部） · 截止 今天 11:00 · 待处理\n　　输入：物资需求明细表（规格、数量、用途）；输出：需求申请单',
    );
    expect(text).not.toContain('输入：需求申请单、库存台账');
  });
});
