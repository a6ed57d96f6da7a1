import type { Closable, PlatformModule } from '../../../src/main/platform-module.js';
import { wecomModule } from '../../../src/main/wecom.js';
import type { InboundHandler } from '../../../src/ports/inbound-handler.port.js';
import { startEngine } from '../../helpers/engine.js';
import { type FakeWecomWsServer, startFakeWecomWsServer } from './ws-server.js';

export const TEST_BOT_ID = 'aibot-baton-test';
const TEST_BOT_SECRET = 'secret-for-tests';

/** The WECOM_* variables that point Baton's long connection at the fake server. */
export function longConnectionEnv(server: FakeWecomWsServer, leaseMs = 1_500) {
  return {
    WECOM_BOT_ID: TEST_BOT_ID,
    WECOM_BOT_SECRET: TEST_BOT_SECRET,
    WECOM_BOT_WS_URL: server.url,
    WECOM_BOT_LEASE_MS: String(leaseMs),
  };
}

/**
 * The engine with the WeCom module on the long connection to a local WeCom, and `connect` to
 * open the connection (campaign for it) as `baton serve` does, with the engine's or another
 * inbound handler.
 */
export async function startWecomEngine(
  orgFile = 'test/fixtures/org/wecom.yaml',
  /** More WECOM_* variables, e.g. WECOM_API_BASE for the group robots of coordination chats. */
  extraEnv: Readonly<Record<string, string>> = {},
) {
  const server = await startFakeWecomWsServer({ bots: { [TEST_BOT_ID]: TEST_BOT_SECRET } });
  const receivers: Closable[] = [];
  const engine = await startEngine(orgFile, {
    modules: async (ctx) => {
      const module = await wecomModule({
        ...ctx,
        env: { ...longConnectionEnv(server), ...extraEnv },
      });
      if (!module) throw new Error('the WeCom module did not start');
      return [module];
    },
  });
  const wecom = engine.modules[0] as PlatformModule;
  const connect = async (
    module: PlatformModule = wecom,
    inbound: InboundHandler = engine.inbound,
  ) => {
    if (!module.startInbound) throw new Error('no long connection');
    const receiver = await module.startInbound(inbound);
    receivers.push(receiver);
    return receiver;
  };
  return {
    engine,
    server,
    wecom,
    connect,
    async stop() {
      for (const receiver of receivers) await receiver.close();
      await engine.stop();
      await server.close();
    },
  };
}
