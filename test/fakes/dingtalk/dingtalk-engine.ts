import { dingtalkModule } from '../../../src/main/dingtalk.js';
import type { PlatformModule } from '../../../src/main/platform-module.js';
import { startEngine } from '../../helpers/engine.js';
import { FakeDingTalk } from './fake-dingtalk.js';

/**
 * The whole engine with the real DingTalk adapter (and the real `dingtalk-stream` client)
 * talking to a local DingTalk.
 */
export async function startDingTalkEngine(
  orgFile = 'test/fixtures/org/dingtalk.yaml',
  env: Record<string, string> = { DINGTALK_CARD_TEMPLATE_ID: 'baton-task.schema' },
  options: {
    connect?: boolean;
    before?: (fake: FakeDingTalk) => void;
    /** More environment for the engine's own configuration. */
    engineEnv?: Readonly<Record<string, string>>;
  } = {},
) {
  const fake = await FakeDingTalk.start();
  options.before?.(fake);
  const engine = await startEngine(orgFile, {
    env: options.engineEnv,
    modules: async (ctx) => {
      const module = await dingtalkModule({ ...ctx, env: fake.env(env) });
      return module ? [module] : [];
    },
  });
  const module = engine.modules[0] as PlatformModule;
  if (options.connect !== false && module.startInbound) await module.startInbound(engine.inbound);
  return {
    engine,
    fake,
    module,
    async stop() {
      await engine.stop();
      await fake.close();
    },
  };
}
