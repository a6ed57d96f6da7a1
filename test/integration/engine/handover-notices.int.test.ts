import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEngine } from '../../helpers/engine.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** 转交, 抄送 and 催办: the people they reach are told, with who did it and why. */
describe('handing over, copying and nudging', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  it('tells the new owner who handed the node over and why', async () => {
    await engine.say('office', 'zhengyi', '/任务 空调维修\n联系供应商 @张三 1小时内');
    await engine.has('office', /^#1 空调维修$/);
    await engine.say('office', 'zhangsan', '/转交 #1.1 @李四 出差一周');
    await engine.has(
      'user:lisi',
      /节点已转交给你：#1\.1 联系供应商.*。转交人：张三，原因：出差一周/,
    );
  });

  it('sends the people copied the card, once, naming who copied them', async () => {
    await engine.say('office', 'zhengyi', '/任务 空调维修\n联系供应商 @张三 1小时内');
    await engine.has('office', /^#1 空调维修$/);
    await engine.say('office', 'zhengyi', '/抄送 #1 @王五');
    await engine.has(
      'user:wangwu',
      /^#1 空调维修 \| 【接力】任务抄送给你：#1 空调维修。抄送人：郑一$/,
    );
    await engine.say('office', 'zhengyi', '/抄送 #1 @王五 @钱七');
    await engine.has('user:qianqi', /任务抄送给你：#1 空调维修。抄送人：郑一/);
    const copied = await engine.read('user:wangwu');
    expect(copied.filter((e) => e.body.kind === 'card')).toHaveLength(1);
  });

  it('passes on what the nudger wrote, for a node and for a whole task', async () => {
    await engine.say('office', 'zhengyi', '/任务 空调维修\n联系供应商 @张三 1小时内');
    await engine.has('office', /^#1 空调维修$/);
    await engine.say('office', 'zhengyi', '/催办 #1.1 明天就要用了');
    await engine.has(
      'user:zhangsan',
      /有人催办：#1\.1 联系供应商.*。催办人：郑一，留言：明天就要用了/,
    );
    await engine.say('office', 'zhengyi', '/任务 换灯泡\n换灯泡 @李四 1小时内');
    await engine.has('office', /^#2 换灯泡$/);
    await engine.say('office', 'zhengyi', '/催办 #2 会议室在等');
    await engine.has('user:lisi', /有人催办：#2\.1 换灯泡.*。催办人：郑一，留言：会议室在等/);
  });
  // A platform without card buttons: the requester answers a /延期 request by command.
  it('approves with /批准延期 and refuses with /拒绝延期, the reason told to the owner', async () => {
    await engine.say('office', 'zhengyi', '/任务 空调维修\n联系供应商 @张三 1小时内');
    await engine.has('office', /^#1 空调维修$/);
    await engine.say('user:zhangsan', 'zhangsan', '/延期 #1.1 3小时内 等供应商报价');
    await engine.has('user:zhengyi', /张三申请把 #1\.1 联系供应商 的截止时间从/);
    await engine.say('office', 'zhangsan', '/批准延期 #1');
    await engine.has('office', /抱歉，只有发起人郑一或协调人可以审批任务 #1 的延期申请。/);
    await engine.say('office', 'zhengyi', '/批准延期 #1');
    await engine.has('office', /好的，任务 #1 的延期申请已批准。/);
    await engine.has('user:zhangsan', /延期已批准/);

    await engine.say('user:zhangsan', 'zhangsan', '/延期 #1.1 明天 等配件');
    await engine.has('user:zhengyi', /截止时间从 .+ 延到 .+，原因：等配件/);
    await engine.say('office', 'zhengyi', '/拒绝延期 #1 今天必须修好');
    await engine.has('office', /好的，任务 #1 的延期申请已拒绝。/);
    await engine.has('user:zhangsan', /。审批人：郑一，原因：今天必须修好/);
    await engine.say('office', 'zhengyi', '/拒绝延期 #1');
    await engine.has('office', /任务 #1 没有待审批的延期申请。/);
  });
});
