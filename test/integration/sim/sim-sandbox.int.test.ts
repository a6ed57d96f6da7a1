import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodes, tasks } from '../../../src/infra/db/schema/index.js';
import { type FakeWecomApi, startFakeWecomApi } from '../../fakes/wecom/api-server.js';
import { createCallbackSender } from '../../fakes/wecom/callback-sender.js';
import { WECOM_TEST_KEYS } from '../../fakes/wecom/http-engine.js';
import { createBatonProcesses } from '../../helpers/baton-processes.js';
import { freePort } from '../../helpers/free-port.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.js';
import { TEST_REDIS_URL, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const TOKEN = 'sim-sandbox-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * The real organisation, on WeCom. Its people share ids with the sample organisation's (张三 is
 * `zhangsan` in both, 赵六 an admin in both): the worst case for a sandbox. 真老板 is only here.
 */
const REAL_ORG = `
tenant: { id: default, name: 真实集团 }
departments:
  - { id: logistics, name: 后勤部, liaison: zhangsan }
people:
  - { id: zhangsan, name: 张三, department: logistics, wecom: ZhangSan }
  - { id: zhengyi, name: 郑一, department: logistics, wecom: ZhengYi }
  - { id: zhaoliu, name: 赵六, department: logistics, wecom: ZhaoLiu }
  - { id: realboss, name: 真老板, department: logistics, wecom: RealBoss }
coordination:
  coordinators: [zhaoliu]
admins: [zhaoliu]
`;

/**
 * A deployment with WeCom configured (the self-built app, against a local fake WeCom API), as
 * `baton all` runs it: the simulator is off unless BATON_SIMULATOR=on, and then it acts in a
 * sandbox organisation that cannot see or touch a WeCom task or the real organisation's setup.
 */
describe('the simulator beside a real platform', () => {
  const processes = createBatonProcesses();
  let dir: string;
  let database: TestDatabase;
  let api: FakeWecomApi;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-sandbox-'));
    writeFileSync(join(dir, 'org.yaml'), REAL_ORG);
    database = await createTestDatabase();
    api = await startFakeWecomApi({
      corpId: WECOM_TEST_KEYS.corpId,
      secret: WECOM_TEST_KEYS.appSecret,
    });
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: testQueuePrefix(),
      BATON_ORG_FILE: join(dir, 'org.yaml'),
      BATON_DATA_DIR: dir,
      BATON_ADMIN_TOKEN: TOKEN,
      BATON_DIRECTORY_SYNC_MINUTES: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WECOM_API_BASE: api.url,
      WECOM_BOT_TOKEN: WECOM_TEST_KEYS.botToken,
      WECOM_BOT_AES_KEY: WECOM_TEST_KEYS.botAesKey,
      WECOM_CORP_ID: WECOM_TEST_KEYS.corpId,
      WECOM_AGENT_ID: WECOM_TEST_KEYS.agentId,
      WECOM_APP_SECRET: WECOM_TEST_KEYS.appSecret,
      WECOM_APP_TOKEN: WECOM_TEST_KEYS.appToken,
      WECOM_APP_AES_KEY: WECOM_TEST_KEYS.appAesKey,
    };
  });
  afterAll(async () => {
    await processes.stopAll();
    await api?.close();
    await database?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function startBaton(extra: Record<string, string>): Promise<string> {
    const port = await freePort();
    processes.start(`all-${port}`, 'all', { ...env, ...extra, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200, {
      what: `baton ready\n${processes.outputs()}`,
      timeoutMs: 45_000,
      intervalMs: 200,
    });
    return url;
  }

  it('is off by default once WeCom is configured', async () => {
    const url = await startBaton({});
    for (const path of ['/sim', '/sim/api/state', '/sim/api/conversations/office'])
      expect((await fetch(`${url}${path}`, { headers: auth })).status, path).toBe(404);
    const sent = await fetch(`${url}/sim/api/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: 'office', personId: 'zhangsan', text: '/我的' }),
    });
    expect(sent.status).toBe(404);
    await processes.stopAll();
  }, 60_000);

  it('with BATON_SIMULATOR=on, acts in a sandbox: no WeCom task, no real setup, no real people', async () => {
    const url = await startBaton({ BATON_SIMULATOR: 'on' });
    const { db } = database;

    // A real task in a WeCom group, over the API-mode bot: 郑一 asks 张三.
    const bot = createCallbackSender(url, {
      token: WECOM_TEST_KEYS.botToken,
      aesKey: WECOM_TEST_KEYS.botAesKey,
      receiveId: '',
    });
    const created = await bot.postJson('/wecom/bot', {
      msgid: 'msg-real-1',
      aibotid: 'aibFake',
      chatid: 'wrRealGroup',
      chattype: 'group',
      from: { userid: 'ZhengYi' },
      response_url: `${api.url}/cgi-bin/aibot/response?response_code=rc-real-1`,
      msgtype: 'text',
      text: { content: '@接力 /任务 真实任务\n处理 @张三 1小时内' },
    });
    expect(created.status).toBe(200);
    // The bot's callback is answered after the engine's transaction.
    const [real] = await db.select().from(tasks).where(eq(tasks.title, '真实任务'));
    if (!real) throw new Error(`no WeCom task\n${processes.outputs()}`);
    expect(real).toMatchObject({ tenantId: 'default', number: 1, originPlatform: 'wecom' });
    const [realNode] = await db.select().from(nodes).where(eq(nodes.taskId, real.id));
    if (!realNode) throw new Error('the WeCom task has no node');

    // The simulator shows the sandbox organisation (the sample org), not the real one.
    const state = (await (await fetch(`${url}/sim/api/state`, { headers: auth })).json()) as {
      people: { id: string; name: string }[];
    };
    const ids = state.people.map((p) => p.id);
    expect(ids).toContain('lisi');
    expect(ids).not.toContain('realboss');

    const say = async (conversation: string, personId: string, text: string) => {
      const res = await fetch(`${url}/sim/api/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ conversation, personId, text }),
      });
      expect(res.status, text).toBe(202);
    };
    const transcript = async (conversation: string) =>
      JSON.stringify(
        await (
          await fetch(`${url}/sim/api/conversations/${conversation}`, { headers: auth })
        ).json(),
      );

    // 张三 (the same id as the real owner) finishes "#1" and taps done on the real task's node.
    await say('office', 'zhangsan', '/完成 #1');
    await say('office', 'zhengyi', '/进度 #1');
    const tapped = await fetch(`${url}/sim/api/actions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation: 'office',
        personId: 'zhangsan',
        entryId: 1,
        actionId: 'node.done',
        value: { taskId: real.id, nodeId: realNode.id },
      }),
    });
    expect(tapped.status).toBe(202);
    // 赵六, admin and coordinator in both organisations, changes the setup.
    await say('office', 'zhaoliu', '/设置 协调人 @李四');
    await say('office', 'zhaoliu', '/设置 协调群');

    await waitFor(async () => (await transcript('office')).includes('已把本群设为协调群'), {
      what: 'the sandbox setup confirmed',
      timeoutMs: 20_000,
    });
    const office = await transcript('office');
    expect(office).toContain('没有找到任务 #1');
    expect(office).toContain('这张卡片对应的任务已不存在');
    expect(office).not.toContain('真实任务');

    // The WeCom task is untouched, and only the sandbox's setup changed.
    const [after] = await db
      .select()
      .from(nodes)
      .where(and(eq(nodes.taskId, real.id), eq(nodes.id, realNode.id)));
    expect(after?.status).toBe(realNode.status);
    expect(after?.status).toBe('active');
    const org = async (tenant: string) =>
      (await (await fetch(`${url}/api/org/${tenant}`, { headers: auth })).json()) as {
        coordination: { coordinators: string[]; chats: { platform: string; chatId: string }[] };
        people: { id: string; wecomUserId: string | null }[];
      };
    const realOrg = await org('default');
    expect(realOrg.coordination.coordinators).toEqual(['zhaoliu']);
    expect(realOrg.coordination.chats).toEqual([]);
    const sandbox = await org('sandbox');
    expect(sandbox.coordination.coordinators).toContain('lisi');
    expect(sandbox.coordination.chats).toContainEqual(
      expect.objectContaining({ platform: 'sim', chatId: 'office' }),
    );
    // Sandbox people have no WeCom account: nothing of theirs can go to a real WeCom user.
    expect(sandbox.people.every((p) => p.wecomUserId === null)).toBe(true);
    expect(
      (await db.select().from(tasks).where(eq(tasks.tenantId, 'default'))).map((t) => t.title),
    ).toEqual(['真实任务']);
  }, 90_000);
});
