import { Queue } from 'bullmq';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dingtalkSign } from '../../../adapters/dingtalk/dingtalk-sign.js';
import { dingtalkRobotRoute } from '../../../adapters/dingtalk/http/robot.route.js';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { QUEUE_NAMES } from '../../../src/infra/queue/queue-names.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { FAKE_CLIENT_SECRET } from '../../fakes/dingtalk/fake-dingtalk.js';
import { robotMessage } from '../../fakes/dingtalk/robot-frames.js';
import { silentLogger } from '../../helpers/test-logger.js';
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
  const send = (headers: Record<string, string>, payload: object) =>
    app.inject({ method: 'POST', url: '/dingtalk/robot', headers, payload });
  const command = (title: string, senderStaffId = '0123456797') =>
    robotMessage(dt.fake, { senderStaffId, text: `/任务 ${title}\n处理 @张三 1小时内` });
  /** Distinct milliseconds: DingTalk stamps each request it sends. */
  let clock = Date.now();
  const fresh = () => signed(++clock);
  /** The tasks once every queued message has run (a refused one never reaches the queue). */
  const tasksWhenIdle = async () => {
    const queue = new Queue(QUEUE_NAMES.dingtalkMessages, {
      connection: dt.engine.redis,
      prefix: `{${dt.engine.prefix}}`,
    });
    try {
      await waitFor(
        async () => {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          return Object.values(counts).every((n) => n === 0);
        },
        { what: 'the queued messages run' },
      );
    } finally {
      await queue.close();
    }
    return (await taskTitles()).sort();
  };

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

  it("refuses an accepted message's timestamp and sign replayed with another body; nothing is created", async () => {
    const headers = fresh();
    expect((await send(headers, command('郑一的任务'))).statusCode).toBe(200);
    const replay = await send(headers, command('冒充王五', '0123456791'));
    expect(replay.statusCode).toBe(401);
    expect(await tasksWhenIdle()).toEqual(['郑一的任务']);
  });

  it('takes a message sent again with new headers once, and refuses its msgId with another body', async () => {
    const message = command('只一次');
    expect((await send(fresh(), message)).statusCode).toBe(200);
    expect((await send(fresh(), message)).statusCode).toBe(200);
    const forged = { ...command('冒充王五', '0123456791'), msgId: message.msgId };
    expect((await send(fresh(), forged)).statusCode).toBe(401);
    expect(await tasksWhenIdle()).toEqual(['只一次']);
  });

  it('takes an identical redelivery (same headers, same body) once', async () => {
    const headers = fresh();
    const message = command('重发');
    const answers = await Promise.all([send(headers, message), send(headers, message)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect((await send(headers, message)).statusCode).toBe(200);
    expect(await tasksWhenIdle()).toEqual(['重发']);
  });

  it('refuses a validly signed timestamp 50 minutes old, and takes one 4 minutes old', async () => {
    expect((await send(signed(Date.now() - 50 * 60_000), command('五十分钟前'))).statusCode).toBe(
      401,
    );
    expect((await send(signed(Date.now() - 4 * 60_000), command('四分钟前'))).statusCode).toBe(200);
    expect(await tasksWhenIdle()).toEqual(['四分钟前']);
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

describe('DingTalk HTTP mode when the replay check cannot be made', () => {
  it('answers 503 with Retry-After and queues nothing, never a 200 unchecked', async () => {
    const taken: unknown[] = [];
    const app = Fastify();
    await app.register(
      dingtalkRobotRoute({
        appSecret: FAKE_CLIENT_SECRET,
        windowMs: 5 * 60_000,
        replayGuard: {
          see: async () => {
            throw new Error('Redis did not answer');
          },
        },
        robotMessages: { take: async (raw) => void taken.push(raw), close: async () => undefined },
        now: () => new Date(),
        logger: silentLogger,
      }),
    );
    try {
      const timestamp = String(Date.now());
      const answer = await app.inject({
        method: 'POST',
        url: '/dingtalk/robot',
        headers: { timestamp, sign: dingtalkSign(timestamp, FAKE_CLIENT_SECRET) },
        payload: { msgId: 'msgDown', msgtype: 'text', text: { content: '/任务 不该进队列' } },
      });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(taken).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
