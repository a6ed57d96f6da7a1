import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tasks } from '../../../src/infra/db/schema/index.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { robotMessage, sayInDingTalk } from '../../fakes/dingtalk/robot-frames.js';
import { waitFor } from '../../helpers/wait-for.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

const ZHENGYI = '0123456797';

describe('DingTalk Stream: the connection comes back, bounded, and loses nothing', () => {
  let dt: Running | undefined;
  afterEach(async () => {
    await dt?.stop();
    dt = undefined;
  });

  const taskCount = async (running: Running) =>
    (await running.engine.database.db.select().from(tasks)).length;
  const newTask = (running: Running, title: string) =>
    sayInDingTalk(
      running.fake,
      robotMessage(running.fake, {
        senderStaffId: ZHENGYI,
        text: `/任务 ${title}\n处理 @张三 1小时内`,
      }),
    );

  it('retries errors before the socket opens with backoff, one attempt at a time', async () => {
    dt = await startDingTalkEngine(undefined, undefined, {
      before: (fake) => {
        fake.gateway.failNextOpens(3, 'refused');
        fake.gateway.failNextOpens(2, 'http-500');
      },
    });
    await waitFor(() => dt?.fake.gateway.openConnections === 1, { what: 'connected' });
    // Five failures, then one success: the 2.1.5 client alone would have doubled its attempts.
    expect(dt.fake.gateway.opens).toHaveLength(6);
    newTask(dt, '修门锁');
    await waitFor(async () => dt && (await taskCount(dt)) === 1, { what: 'the task' });
    expect(dt.fake.gateway.opens).toHaveLength(6);
    expect(dt.fake.gateway.openConnections).toBe(1);
  });

  it('reconnects once after the socket is dropped, and gets what was pushed meanwhile', async () => {
    dt = await startDingTalkEngine();
    await waitFor(() => dt?.fake.gateway.openConnections === 1, { what: 'connected' });
    dt.fake.gateway.dropSocket();
    newTask(dt, '修水管');
    await waitFor(async () => dt && (await taskCount(dt)) === 1, {
      what: 'the message pushed while down, handled after the reconnect',
    });
    expect(dt.fake.gateway.opens).toHaveLength(2);
    expect(dt.fake.gateway.openConnections).toBe(1);
  });

  it('replaces the connection on a server disconnect before the old one closes', async () => {
    dt = await startDingTalkEngine();
    await waitFor(() => dt?.fake.gateway.openConnections === 1, { what: 'connected' });
    // The server would close the old connection only after 10 s; the client must not wait for it.
    dt.fake.gateway.sendDisconnect(10_000);
    newTask(dt, '修窗户');
    await waitFor(async () => dt && (await taskCount(dt)) === 1, { what: 'the task' });
    await waitFor(() => dt?.fake.gateway.connectionLog.includes('close:1'), {
      what: 'the client letting the old connection go',
    });
    // Warm: the new connection opened before the old one was closed.
    expect(dt.fake.gateway.connectionLog).toEqual(['open:1', 'open:2', 'close:1']);
    expect(dt.fake.gateway.opens).toHaveLength(2);
  });

  it('replaces a connection that has gone silent', async () => {
    dt = await startDingTalkEngine(undefined, {
      DINGTALK_CARD_TEMPLATE_ID: 'baton-task.schema',
      DINGTALK_HEALTH_CHECK_MS: '100',
      DINGTALK_STALE_AFTER_MS: '500',
    });
    await waitFor(() => dt?.fake.gateway.openConnections === 1, { what: 'connected' });
    // Pongs keep a quiet but healthy connection alive past the stale limit.
    await sleep(800);
    expect(dt.fake.gateway.opens).toHaveLength(1);
    dt.fake.gateway.silence();
    newTask(dt, '修电梯');
    await waitFor(async () => dt && (await taskCount(dt)) === 1, {
      what: 'the message handled on a new connection',
    });
    expect(dt.fake.gateway.opens).toHaveLength(2);
  });

  it('answers the server ping on the connection', async () => {
    dt = await startDingTalkEngine();
    await waitFor(() => dt?.fake.gateway.openConnections === 1, { what: 'connected' });
    dt.fake.gateway.ping();
    await waitFor(() => dt?.fake.gateway.pingReplies.length === 1, { what: 'the ping echoed' });
  });

  it('survives handlers that throw or reject and frames that are not frames', async () => {
    dt = await startDingTalkEngine(undefined, undefined, { connect: false });
    let calls = 0;
    const failing: InboundHandler = {
      handle: () => {
        calls += 1;
        if (calls === 1) throw new Error('thrown synchronously');
        return Promise.reject(new Error('rejected'));
      },
      enqueue: () => Promise.reject(new Error('the stream does not queue')),
      keep: () => Promise.reject(new Error('the stream does not keep')),
    };
    const receiver = await dt.module.startInbound?.(failing);
    await waitFor(() => dt?.fake.gateway.openConnections === 1, { what: 'connected' });
    dt.fake.gateway.sendRaw('not json at all');
    const first = newTask(dt, '甲');
    const second = newTask(dt, '乙');
    // Each message is tried three times (it was acked, so DingTalk will not send it again).
    await waitFor(() => calls === 6, { what: 'both messages tried three times' });
    // Acked anyway (at once), so DingTalk does not push them again and again.
    expect(dt.fake.gateway.ackOf(first)).toBeDefined();
    expect(dt.fake.gateway.ackOf(second)).toBeDefined();
    // Still connected, still the first connection: nothing crashed or reconnected.
    await sleep(100);
    expect(dt.fake.gateway.opens).toHaveLength(1);
    expect(dt.fake.gateway.openConnections).toBe(1);
    await receiver?.close();
  });
});
