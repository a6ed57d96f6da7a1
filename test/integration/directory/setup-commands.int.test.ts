import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chats, departments, events, roleAssignments } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

describe('/设置 from the chat: coordinators and admins only, confirmed, logged, and used', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine.stop();
  });
  /** Says `text` in `chat` as `person` and waits for the answer to it. */
  const answer = async (chat: string, person: string, text: string) => {
    const seen = (await engine.texts(chat)).length;
    await engine.say(chat, person, text);
    return waitFor(async () => (await engine.texts(chat)).slice(seen)[0], { what: text });
  };

  it('refuses every setting from someone who is neither coordinator nor admin, writing nothing', async () => {
    const before = await engine.database.db.select().from(chats);
    for (const command of [
      '/设置 协调群',
      '/设置 联络员 @孙八 仓储部',
      '/设置 协调人 @孙八',
      '/设置 领导 @孙八',
      '/设置 领导 @孙八 业务部',
    ]) {
      expect(await answer('war-room', 'sunba', command)).toMatch(
        /^❗只有协调人或管理员可以修改设置，请联系协调人：赵六/,
      );
    }
    expect(await engine.database.db.select().from(chats)).toEqual(before);
    const roles = await engine.database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.source, 'chat'));
    expect(roles).toEqual([]);
  });

  it('a coordination chat set from the chat receives the next escalation', async () => {
    expect(await answer('war-room', 'zhaoliu', '/设置 协调群')).toBe(
      '✅ 已把本群设为协调群：超时升级和每周报告会发到这里。',
    );
    expect(await answer('war-room', 'zhaoliu', '/设置 协调群')).toBe('本群已经是协调群。');
    await engine.say('office', 'zhengyi', '/任务 搬运物资\n搬运 @张三 3秒内');
    await waitFor(
      async () => (await engine.texts('war-room')).some((t) => /【超时升级 第2级】#1\.1/.test(t)),
      { what: 'the escalation in the chat set from the chat', timeoutMs: 20_000 },
    );
    const [logged] = await engine.database.db
      .select()
      .from(events)
      .where(eq(events.type, 'directory.setting_changed'));
    expect(logged).toMatchObject({
      actorId: 'zhaoliu',
      data: { kind: 'coordination-chat', chatId: 'war-room' },
    });
  }, 30_000);

  it('sets a leader and coordinators; a value the org file holds is refused and names its source', async () => {
    expect(await answer('war-room', 'zhaoliu', '/设置 领导 @钱七 业务部')).toBe(
      '✅ 已设置 钱七 为业务部的负责人。',
    );
    const [business] = await engine.database.db
      .select()
      .from(departments)
      .where(and(eq(departments.id, 'business')));
    expect(business).toMatchObject({ leaderId: 'qianqi', fieldSources: { leaderId: 'chat' } });
    expect(await answer('war-room', 'zhaoliu', '/设置 联络员 @钱七 后勤部')).toBe(
      '❗后勤部的联络员由组织文件指定（张三），请在那里修改。',
    );
    expect(await answer('war-room', 'zhaoliu', '/设置 协调人 @孙八')).toBe(
      '✅ 已把 孙八 设为协调人。',
    );
    // 孙八 is a coordinator now: the cached organisation was refreshed at once.
    expect(await answer('war-room', 'sunba', '/设置 领导 @周九')).toBe(
      '✅ 已把 周九 加为领导（超时最后一级会通知）。',
    );
  });

  it('shows the setup of the chat with where each value comes from', async () => {
    const text = await answer('war-room', 'zhengyi', '/设置');
    expect(text).toContain('本群是协调群');
    expect(text).toContain('协调人：孙八、赵六');
    expect(text).toContain('业务部：联络员 郑一（组织文件），负责人 钱七（群内设置）');
  });

  it('takes a unique partial name; refuses a name that fits nobody', async () => {
    expect(await answer('war-room', 'zhaoliu', '/设置 协调人 @十')).toMatch(/不认识「@十」/);
    expect(await answer('war-room', 'zhaoliu', '/设置 协调人 @冯十')).toBe(
      '✅ 已把 冯十二 设为协调人。',
    );
    expect(await answer('war-room', 'zhaoliu', '/设置 领导 @陈十 餐饮部')).toBe(
      '✅ 已设置 陈十三 为餐饮部的负责人。',
    );
    expect(await answer('war-room', 'zhaoliu', '/设置 协调人 @吴')).toMatch(/不认识/);
  });
});
