import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import { startDingTalkEngine } from '../../fakes/dingtalk/dingtalk-engine.js';
import { FAKE_CLIENT_ID } from '../../fakes/dingtalk/fake-dingtalk.js';
import { OFFICE } from '../../fakes/dingtalk/robot-frames.js';

type Running = Awaited<ReturnType<typeof startDingTalkEngine>>;

const text = (t: string) => ({ kind: 'text', text: t, mentions: [] }) as const;
const group = { kind: 'chat', chatId: OFFICE } as const;

describe('DingTalk sending through the OpenAPI and robot webhooks', () => {
  let dt: Running | undefined;
  afterEach(async () => {
    await dt?.stop();
    dt = undefined;
  });
  const start = async (orgFile?: string, env: Record<string, string> = {}) => {
    dt = await startDingTalkEngine(orgFile, env, { connect: false });
    return dt;
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (err: unknown) => (err instanceof ChatPlatformError ? err : null),
    );

  it('shares one cached token and fetches a new one when DingTalk calls it invalid', async () => {
    const { module, fake, engine } = await start();
    await module.chatPlatform.send(group, text('一'));
    await module.chatPlatform.send(group, text('二'));
    expect(fake.api.tokensIssued).toBe(1);
    const keys = await engine.redis.keys(`{${engine.prefix}}:dingtalk:${FAKE_CLIENT_ID}:token`);
    expect(keys).toHaveLength(1);
    fake.api.expireTokens();
    await module.chatPlatform.send(group, text('三'));
    expect(fake.api.tokensIssued).toBe(2);
    expect(fake.api.groupMessages.map((m) => m.msgParam.content)).toEqual(['一', '二', '三']);
    // A token refused right after it was fetched is an app problem, not a retryable one.
    fake.api.failNext('/v1.0/robot/groupMessages/send', 'expired-token', 'expired-token');
    expect((await failure(module.chatPlatform.send(group, text('四'))))?.kind).toBe(
      'configuration',
    );
  });

  it('maps QPS limits, server errors and unknown users to the delivery queue kinds', async () => {
    const { module, fake } = await start();
    fake.api.failNext('/v1.0/robot/groupMessages/send', 'qps', 'server-error', { slowMs: 300 });
    const qps = await failure(module.chatPlatform.send(group, text('a')));
    expect(qps?.kind).toBe('rate-limited');
    expect(qps?.options.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect((await failure(module.chatPlatform.send(group, text('b'))))?.kind).toBe('transient');
    await module.chatPlatform.send(group, text('slow but fine'));
    fake.api.unknownUsers.add('nobody');
    const unknown = await failure(
      module.chatPlatform.send({ kind: 'person', platformUserId: 'nobody' }, text('c')),
    );
    expect(unknown?.kind).toBe('permanent');
  });

  it('counts the calls of the month toward the quota, tokens excepted', async () => {
    const { module, engine } = await start(undefined, { DINGTALK_MONTHLY_QUOTA: '3' });
    for (const t of ['一', '二', '三']) await module.chatPlatform.send(group, text(t));
    const [key] = await engine.redis.keys(`{${engine.prefix}}:dingtalk:*:api-calls:*`);
    expect(key).toMatch(/api-calls:\d{4}-\d{2}$/);
    expect(await engine.redis.get(key as string)).toBe('3');
    // The same count, beside the quota, on the process's /metrics.
    const registry = new Registry();
    module.registerMetrics?.(registry);
    const exposed = await registry.metrics();
    expect(exposed).toMatch(/^baton_dingtalk_api_calls_this_month 3$/m);
    expect(exposed).toMatch(/^baton_dingtalk_api_quota_per_month 3$/m);
  });

  it('without a card template, posts cards as action cards with the commands and the console link', async () => {
    const { module, fake } = await start(undefined, {});
    expect(module.chatPlatform.capabilities.interactiveCardsInGroups).toBe(false);
    await module.chatPlatform.send(group, {
      kind: 'card',
      card: {
        key: 'task-t1',
        tone: 'info',
        title: '#1 修空调',
        subtitle: null,
        fields: [],
        steps: [],
        note: null,
        actions: [
          {
            actionId: 'node.done',
            label: '完成',
            style: 'primary',
            value: {},
            command: '/完成 #1.1',
          },
        ],
        link: { label: '在控制台查看', url: 'https://baton.example/tasks/t1' },
        mentions: [],
      },
      mentions: [],
    });
    const [message] = fake.api.groupMessages;
    expect(message?.msgKey).toBe('sampleActionCard');
    expect(message?.msgParam.singleURL).toBe('https://baton.example/tasks/t1');
    expect(message?.msgParam.text).toContain('/完成 #1.1');
    expect(fake.api.cards.size).toBe(0);
  });

  it('reaches a coordination chat with a custom robot through its signed webhook', async () => {
    const { module, fake } = await start('test/fixtures/org/dingtalk-webhook.yaml');
    fake.api.customRobots.set('robot-token-1', 'SECfakesecret');
    await module.chatPlatform.send(
      { kind: 'chat', chatId: 'cidCoordination==' },
      {
        kind: 'text',
        text: '【超时升级】',
        mentions: [{ platformUserId: '0123456792', name: '赵六' }],
      },
    );
    expect(fake.api.webhookMessages).toEqual([
      {
        channel: 'robot:robot-token-1',
        body: {
          msgtype: 'text',
          text: { content: '【超时升级】\n\n@0123456792' },
          at: { atUserIds: ['0123456792'], isAtAll: false },
        },
      },
    ]);
    expect(fake.api.groupMessages).toHaveLength(0);
    fake.api.customRobots.set('robot-token-1', 'SECrotated');
    const refused = await failure(
      module.chatPlatform.send({ kind: 'chat', chatId: 'cidCoordination==' }, text('x')),
    );
    expect(refused?.kind).toBe('configuration');
  });
});
