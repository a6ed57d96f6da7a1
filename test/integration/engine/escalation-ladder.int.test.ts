import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/**
 * Every rung of the ladder, as test/fixtures/org/full-ladder.yaml sets it (seconds apart):
 * the owner and the department's liaison at the deadline, the coordination chat with its
 * coordinators @-mentioned, then leadership and the requester.
 */
describe('the escalation ladder, rung by rung', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine('test/fixtures/org/full-ladder.yaml');
  });
  afterEach(() => engine.stop());

  const level = (n: number) => new RegExp(`【超时升级 第${n}级】#1\\.1 核对预算`);
  const count = async (conversation: string, pattern: RegExp) =>
    (await engine.texts(conversation)).filter((t) => pattern.test(t)).length;
  const reaches = (conversation: string, pattern: RegExp) =>
    waitFor(async () => (await count(conversation, pattern)) > 0, {
      what: `${pattern} in ${conversation}`,
      timeoutMs: 15_000,
    });

  it('reaches the owner and liaison, the coordination chat, then leadership and the requester, each once', async () => {
    // 钱七 of 财务部, whose liaison is 李四; leadership is 王五; the requester 郑一.
    await engine.say('office', 'zhengyi', '/任务 年度预算\n核对预算 @钱七 2秒内');
    await reaches('user:qianqi', level(1));
    await reaches('user:lisi', level(1));
    await reaches('coordination', level(2));
    await reaches('user:wangwu', level(3));
    await reaches('user:zhengyi', level(3));

    const coordination = (await engine.read('coordination')).find(
      (e) => e.body.kind === 'text' && level(2).test(e.body.text),
    );
    expect(coordination?.body.mentions.map((m) => m.name)).toEqual(['赵六']);
    // Nobody is told twice, and nobody off the ladder is told at all.
    expect(await count('user:qianqi', level(1))).toBe(1);
    expect(await count('user:lisi', level(1))).toBe(1);
    expect(await count('coordination', level(2))).toBe(1);
    expect(await count('user:wangwu', level(3))).toBe(1);
    expect(await count('user:zhengyi', level(3))).toBe(1);
    expect(await count('user:zhaoliu', /超时升级/)).toBe(0);
    expect(await count('user:lisi', level(3))).toBe(0);
  }, 30_000);
});
