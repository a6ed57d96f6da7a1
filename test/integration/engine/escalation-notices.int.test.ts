import { afterEach, beforeEach, describe, it } from 'vitest';
import { startEngine } from '../../helpers/engine.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** An escalation says why, which node, whose, how late and where to look; the requester hears. */
describe('escalation messages', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  it('a late node: the coordination chat gets how late and a link, the requester is told', async () => {
    await engine.say('office', 'zhengyi', '/任务 年度预算\n核对预算 @钱七 1秒内');
    await engine.has(
      'coordination',
      /【超时升级 第2级】#1\.1 核对预算 已超过截止时间.*，已超时 \d+分钟，负责人：钱七。任务 #1 年度预算\n原因：节点超时未完成。查看：http.*\/tasks\/tsk_/s,
    );
    await engine.has(
      'user:zhengyi',
      /你发起的任务 #1 年度预算 已升级到协调群：#1\.1 核对预算（负责人：钱七，已超时 \d+分钟）。查看：http.*\/tasks\//,
    );
  });

  it('/升级 by an owner: who and why, the node with its owner, and the requester told', async () => {
    await engine.say('office', 'zhengyi', '/任务 年度预算\n核对预算 @钱七 1小时内');
    await engine.has('office', /^#1 年度预算$/);
    await engine.say('office', 'qianqi', '/升级 #1.1 预算口径有分歧');
    const told =
      /任务已升级到协调群：#1 年度预算。升级人：钱七，原因：预算口径有分歧\n· #1\.1 核对预算（负责人：钱七，截止 .+）\n查看：http.*\/tasks\//;
    await engine.has('coordination', told);
    await engine.has('user:zhengyi', told);
  });
});
