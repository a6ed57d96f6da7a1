import type { Config } from '../infra/config/config.js';
import type { OrgFile } from '../infra/org/org-file.schema.js';
import type { PlatformModule } from './platform-module.js';

/** The deployment's organisation: every WeCom and DingTalk event belongs to it. */
export const DEFAULT_TENANT_ID = 'default';
/** The simulator's own organisation beside a real platform; no org file may use this id. */
export const SANDBOX_TENANT_ID = 'sandbox';

export interface SimulatorSetup {
  /** Whether this deployment serves `/sim` (always behind the admin token). */
  readonly enabled: boolean;
  /**
   * The tenant simulator events belong to: the sandbox while a real platform is configured, so
   * that simulated people never act on a real chat's tasks or settings; else the default one
   * (the quick start, where the console shows what was done in the simulator).
   */
  readonly tenantId: string;
}

/** Decided the same way in every process (serve, worker, all) from the same environment. */
export function simulatorSetup(
  mode: Config['simulator']['mode'],
  realPlatforms: readonly PlatformModule[],
): SimulatorSetup {
  const sandboxed = realPlatforms.length > 0;
  return {
    enabled: mode === 'on' || (mode === 'auto' && !sandboxed),
    tenantId: sandboxed ? SANDBOX_TENANT_ID : DEFAULT_TENANT_ID,
  };
}

/**
 * An org file as the sandbox holds it: its own tenant, no WeCom or DingTalk ids (a simulated
 * person can never be a real account, nor be messaged on a real platform) and only the
 * simulator's coordination chats.
 */
export function sandboxOrgFile(file: OrgFile): OrgFile {
  return {
    ...file,
    tenant: { id: SANDBOX_TENANT_ID, name: `${file.tenant.name}（模拟器沙盒）` },
    people: file.people.map(({ id, name, department }) => ({
      id,
      name,
      ...(department ? { department } : {}),
    })),
    coordination: {
      ...file.coordination,
      chats: file.coordination.chats
        .filter((chat) => chat.platform === 'sim')
        .map(({ platform, chatId, name }) => ({ platform, chatId, ...(name ? { name } : {}) })),
    },
  };
}
