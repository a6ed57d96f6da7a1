import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeWecomApi, startFakeWecomApi } from '../../fakes/wecom/api-server.js';
import { startWecomEngine, TEST_BOT_ID } from '../../fakes/wecom/longconn-engine.js';
import { waitFor } from '../../helpers/wait-for.js';

const ROBOT_KEY = 'robot-key-coordination';

describe('the long connection beside a coordination chat’s group robot', () => {
  let api: FakeWecomApi;
  let s: Awaited<ReturnType<typeof startWecomEngine>>;
  beforeEach(async () => {
    api = await startFakeWecomApi({ corpId: 'ww0', secret: 'unused', webhookKeys: [ROBOT_KEY] });
    s = await startWecomEngine('test/fixtures/org/wecom-longconn-webhook.yaml', {
      WECOM_API_BASE: api.url,
    });
    await s.connect();
    await waitFor(() => s.server.liveConnections(TEST_BOT_ID) === 1, { what: 'the connection' });
  });
  afterEach(async () => {
    await s.stop();
    await api.close();
  });

  it('reminds the owner by proactive send and escalates through the group robot', async () => {
    s.server.pushText(TEST_BOT_ID, {
      chatid: 'wrOfficeGroup',
      userid: 'ZhengYi',
      content: '@接力 /任务 修打印机\n报修 @张三 6秒内',
    });
    await waitFor(
      () =>
        s.server.sends.some((f) => {
          const card = f.body?.template_card as { sub_title_text?: string } | undefined;
          return f.body?.chatid === 'ZhangSan' && card?.sub_title_text?.includes('【提醒】');
        }),
      { what: 'the reminder card over the long connection', timeoutMs: 15_000 },
    );
    const escalation = await waitFor(
      () =>
        api.callsOf('webhook/send').find((c) => {
          const markdown = c.body?.markdown as { content?: string } | undefined;
          return markdown?.content?.includes('【超时升级 第2级】#1.1');
        }) ?? false,
      { what: 'the escalation through the group robot', timeoutMs: 15_000 },
    );
    expect(escalation.query.key).toBe(ROBOT_KEY);
    expect(escalation.errcode).toBe(0);
    expect(s.server.sends.some((f) => f.body?.chatid === 'wrCoordination')).toBe(false);
  }, 30_000);
});
