import { dingtalkModule } from './dingtalk.js';
import type { PlatformModule, PlatformModuleContext } from './platform-module.js';
import { wecomModule } from './wecom.js';

/**
 * Each adapter's factory: returns its module when its environment variables are set, null when
 * the deployment does not use that platform.
 */
const FACTORIES: readonly ((ctx: PlatformModuleContext) => Promise<PlatformModule | null>)[] = [
  wecomModule,
  dingtalkModule,
];

/** The chat platforms this deployment is configured for (the simulator is always on besides). */
export async function createPlatformModules(ctx: PlatformModuleContext): Promise<PlatformModule[]> {
  const modules = await Promise.all(FACTORIES.map((create) => create(ctx)));
  return modules.filter((m): m is PlatformModule => m !== null);
}
