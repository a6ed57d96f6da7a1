import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dingtalkSign } from '../../../adapters/dingtalk/dingtalk-sign.js';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { FAKE_CLIENT_SECRET } from '../../fakes/dingtalk/fake-dingtalk.js';
import { robotMessage } from '../../fakes/dingtalk/robot-frames.js';
import { waitFor } from '../../helpers/wait-for.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

describe('DingTalk HTTP mode: POST /dingtalk/robot', () => {
  let dt: Running;
  let app: FastifyInstance;
  beforeEach(async () => {
    dt = await startDingTalkEngine(undefined, { DINGTALK_MODE: 'http' }, { connect: false });
    expect(dt.module.startInbound).toBeUndefined();
    const routes = dt.module.routes?.(dt.engine.inbound);
    if (!routes) throw new Error('no routes in HTTP mode');
    app = Fastify();
    await app.register(routes);
  });
  afterEach(async () => {
    await app.close();
    await dt.stop();
  });

  const post = (headers: Record<string, string>, title: string) =>
    app.inject({
      method: 'POST',
      url: '/dingtalk/robot',
      headers,
      payload: robotMessage(dt.fake, {
        senderStaffId: '0123456797',
        text: `/任务 ${title}\n处理 @张三 1小时内`,
      }),
    });
  const signed = (timestamp: number, secret = FAKE_CLIENT_SECRET) => ({
    timestamp: String(timestamp),
    sign: dingtalkSign(String(timestamp), secret),
  });
  const taskTitles = async () =>
    (await dt.engine.database.db.select().from(tasks)).map((t) => t.title);

  it('takes a signed message, answers at once with an empty reply, and creates the task', async () => {
    const response = await post(signed(Date.now()), '修空调');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ msgtype: 'empty' });
    await waitFor(async () => (await taskTitles()).includes('修空调'), { what: 'the task' });
  });

  it('refuses forged signatures, stale timestamps and unsigned requests', async () => {
    expect((await post(signed(Date.now(), 'not-the-secret'), '伪造')).statusCode).toBe(401);
    expect((await post(signed(Date.now() - 2 * 60 * 60 * 1000), '过期')).statusCode).toBe(401);
    expect((await post({}, '未签名')).statusCode).toBe(401);
    // A good one afterwards is handled, so nothing refused slipped through before it.
    await post(signed(Date.now()), '正常');
    await waitFor(async () => (await taskTitles()).includes('正常'), { what: 'the good one' });
    expect(await taskTitles()).toEqual(['正常']);
  });

  it('still takes card taps over Stream, and only those, when cards are on', async () => {
    const withCards = await startDingTalkEngine(undefined, {
      DINGTALK_MODE: 'http',
      DINGTALK_CARD_TEMPLATE_ID: 'baton-task.schema',
    });
    try {
      await waitFor(() => withCards.fake.gateway.openConnections === 1, { what: 'connected' });
      expect(withCards.fake.gateway.opens[0]?.subscriptions).toEqual([
        { type: 'EVENT', topic: '*' },
        { type: 'CALLBACK', topic: '/v1.0/card/instances/callback' },
      ]);
    } finally {
      await withCards.stop();
    }
  });
});
