import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../../src/domain/command/command.parser.js';
import { instrumentInbound } from '../../../src/infra/metrics/instrumented-inbound.js';
import { createMetrics } from '../../../src/infra/metrics/metrics.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import { startEngine } from '../../helpers/engine.js';

vi.mock('../../../src/domain/command/command.parser.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../../src/domain/command/command.parser.js')>();
  return { ...original, parseCommand: vi.fn(original.parseCommand) };
});

let counter = 0;
const message = (text: string) => ({
  type: 'message' as const,
  platform: 'sim' as const,
  tenantKey: 'default',
  messageId: `metrics-${++counter}`,
  chat: { chatId: 'office', isGroup: true },
  sender: { platformUserId: 'zhangsan', displayName: null },
  text,
  mentions: [],
  receivedAt: new Date(),
  replyHandle: null,
});

describe('inbound metrics: labelled by what the engine read, each message parsed once', () => {
  let engine: Awaited<ReturnType<typeof startEngine>>;
  const metrics = createMetrics();
  let inbound: InboundHandler;

  beforeAll(async () => {
    engine = await startEngine();
    inbound = instrumentInbound(engine.inbound, metrics);
  });
  afterAll(() => engine?.stop());

  it.each([
    ['/帮助', 'help'],
    ['@接力 你好', 'help'],
    ['/延期 #1.1', 'invalid'],
    ['大家早', 'chatter'],
  ])('%s is parsed once and counted as %s', async (text, kind) => {
    vi.mocked(parseCommand).mockClear();
    const outcome = await inbound.handle(message(text));
    expect(outcome.kind).toBe(kind);
    expect(parseCommand).toHaveBeenCalledTimes(1);
    expect(await metrics.registry.metrics()).toMatch(
      new RegExp(
        `baton_inbound_events_total\\{platform="sim",kind="${kind}",outcome="ok"\\} [1-9]`,
      ),
    );
  });

  it('does not parse an event it only queues', async () => {
    const queuing = instrumentInbound(
      { ...engine.inbound, enqueue: async () => ({ duplicate: false }) },
      metrics,
    );
    vi.mocked(parseCommand).mockClear();
    await queuing.enqueue(message('/帮助 截止时间'));
    expect(parseCommand).not.toHaveBeenCalled();
    expect(await metrics.registry.metrics()).toContain(
      'baton_inbound_events_total{platform="sim",kind="message",outcome="queued"} 1',
    );
  });
});
