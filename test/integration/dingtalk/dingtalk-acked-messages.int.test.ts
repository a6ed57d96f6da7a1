import { afterEach, describe, expect, it } from 'vitest';
import { tasks } from '../../../src/infra/db/schema/index.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { robotMessage, sayInDingTalk } from '../../fakes/dingtalk/robot-frames.js';
import { waitFor } from '../../helpers/wait-for.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

const ZHENGYI = '0123456797';
const ZHANGSAN = '0123456789';

/** The engine, failing its first `failures` messages as it would with the database away. */
function failingAtFirst(inbound: InboundHandler, failures: number) {
  const calls: string[] = [];
  const handler: InboundHandler = {
    async handle(event) {
      calls.push(event.type);
      if (calls.length <= failures) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      return inbound.handle(event);
    },
    enqueue: (event) => inbound.enqueue(event),
    keep: (event) => inbound.keep(event),
  };
  return { handler, calls };
}

describe('DingTalk: robot messages already acknowledged', () => {
  let dt: Running | null = null;
  afterEach(async () => {
    await dt?.stop();
    dt = null;
  });

  it('are kept in Redis and processed once the engine can take them again', async () => {
    dt = await startDingTalkEngine(undefined, undefined, { connect: false });
    // Three failures span about three seconds of backoff: more than in-memory retries waited.
    const engine = failingAtFirst(dt.engine.inbound, 3);
    await dt.module.startInbound?.(engine.handler);
    const messageId = sayInDingTalk(
      dt.fake,
      robotMessage(dt.fake, {
        senderStaffId: ZHENGYI,
        text: '/任务 修投影仪\n报修 @张三 1小时内',
        atStaffIds: [ZHANGSAN],
      }),
    );
    await waitFor(() => dt?.fake.gateway.ackOf(messageId), { what: 'the ack' });
    const running = dt;
    await waitFor(
      async () => (await running.engine.database.db.select().from(tasks)).length === 1,
      { timeoutMs: 20_000, what: 'the task, after the engine came back' },
    );
    expect(engine.calls).toHaveLength(4);
    await waitFor(
      () =>
        [...running.fake.api.cards.values()].some((c) => c.cardParamMap.title === '#1 修投影仪'),
      { what: 'the task card' },
    );
  }, 40_000);
});
