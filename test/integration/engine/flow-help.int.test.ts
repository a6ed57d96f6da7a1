import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleOrgEngine } from '../../helpers/sample-org-engine.js';

type Engine = Awaited<ReturnType<typeof startSampleOrgEngine>>;

const TEMPLATES = ['物资采购', '活动筹备', '突发事件', '设备维修'];

/** What a newcomer types to find the SOP templates, answered by the engine on the sample org. */
describe('finding the flow templates', () => {
  let engine: Engine;
  let tenant: string;
  beforeAll(async () => {
    engine = await startSampleOrgEngine(new Date('2026-11-23T10:00:00+08:00'));
    tenant = await engine.tenant();
  });
  afterAll(() => engine.stop());

  const answer = async (text: string) =>
    (await engine.say(tenant, 'office', 'zhengyi', text)).join('\n');

  it.each(['/流程', '/帮助 流程', '/flow'])(
    '%s lists every template with its fields and an example',
    async (text) => {
      const reply = await answer(text);
      for (const name of TEMPLATES) expect(reply).toContain(`【${name}】`);
      expect(reply).toContain(
        '【物资采购】/流程 采购：需求提报→需求审核→采购执行→交付验收→付款结算',
      );
      expect(reply).toContain('必填：物品、数量；选填：规格、用途、到货时间');
      expect(reply).toContain('例：/流程 采购 物品=笔记本电脑 数量=3');
      expect(reply).toContain('【活动筹备】/流程 活动筹备：确认菜单＋场地布置＋安保部署');
      expect(reply).not.toContain('❗');
    },
  );

  it('names what is missing and shows the example once', async () => {
    const reply = await answer('/流程 物资采购 物品=打印纸');
    expect(reply).toContain('流程「物资采购」还缺：数量。');
    expect(reply.split('例：/流程 采购 物品=笔记本电脑 数量=3')).toHaveLength(2);
    expect(reply.split('/流程 采购 物品=…')).toHaveLength(1);
  });

  it('starts the flow its own example shows, for every template', async () => {
    for (const example of [
      '/流程 采购 物品=笔记本电脑 数量=3',
      '/流程 活动筹备 活动名称=年终晚会 活动日期=下周五',
      '/流程 突发事件 事件=机房断电',
      '/流程 设备维修 设备=办公室空调 使用部门=业务部',
    ]) {
      const listed = await answer('/流程');
      expect(listed).toContain(`例：${example}`);
      const reply = await answer(example);
      expect(reply).not.toContain('❗');
      expect(reply).toMatch(/^### (【紧急】)?#\d+ /);
    }
  });
});
