import { afterEach, beforeEach, describe, it } from 'vitest';
import { startEngine } from '../../helpers/engine.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

describe('/我的', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  it('flags late nodes and lists the ones not started with their span from the start', async () => {
    await engine.say(
      'office',
      'zhengyi',
      '/任务 修打印机\n报修 @张三 1秒内\n验收 @张三 2个工作小时',
    );
    await engine.has('user:zhangsan', /【超时升级 第1级】#1\.1/);
    await engine.say('user:zhangsan', 'zhangsan', '/我的');
    await engine.has(
      'user:zhangsan',
      /^你负责的未完成节点（1 个已超时）：\n🔴 #1\.1 报修 · 截止 \S+ \d\d:\d\d · 已超时 \d+分钟\n还没轮到你的节点：\n#1\.2 验收 · 截止 开始后 2个工作小时 · 等待中$/,
    );
  });
});
