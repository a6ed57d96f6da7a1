import type { AdminToken } from '../infra/config/admin-token.js';
import type { Config } from '../infra/config/config.js';
import { SANDBOX_TENANT_ID, type SimulatorSetup } from './simulator.js';

/**
 * What a serving process prints to stdout once it listens. The links carry the admin token
 * only when Baton made the token (one the operator set in BATON_ADMIN_TOKEN is theirs to hand
 * out) and only to a terminal: stdout that is a file or a log collector keeps what it is given.
 * Otherwise the banner says where the token is.
 */
export function startupBanner(input: {
  readonly publicUrl: string;
  readonly admin: AdminToken;
  readonly toTerminal: boolean;
  readonly simulatorMode: Config['simulator']['mode'];
  readonly simulator: SimulatorSetup;
}): string {
  const { publicUrl, admin, simulator } = input;
  const printToken = input.toTerminal && admin.source !== 'env';
  const link = (path: string) =>
    printToken ? `${publicUrl}${path}?token=${admin.token}` : `${publicUrl}${path}`;
  const sandbox = simulator.tenantId === SANDBOX_TENANT_ID;
  const simulatorLine = simulator.enabled
    ? `${link('/sim')}${sandbox ? '  (a sandbox organisation, apart from the real chats)' : ''}`
    : input.simulatorMode === 'off'
      ? 'off (BATON_SIMULATOR=off)'
      : 'off (a chat platform is configured; BATON_SIMULATOR=on serves it in a sandbox)';
  const lines = ['Baton is running.', `Console:   ${link('/')}`, `Simulator: ${simulatorLine}`];
  if (!printToken) {
    lines.push(
      admin.source === 'env'
        ? 'Admin token: the one set in BATON_ADMIN_TOKEN'
        : `Admin token: in ${admin.file} (not printed: the output is not a terminal)`,
    );
  }
  return `\n${lines.map((line) => `  ${line}`).join('\n')}\n\n`;
}
