import { describe, expect, it } from 'vitest';
import type { AdminToken } from '../../../src/infra/config/admin-token.js';
import { startupBanner } from '../../../src/main/startup-banner.js';

const URL = 'http://127.0.0.1:3000';
const TOKEN = 'tok-0123456789abcdef';
const generated: AdminToken = { token: TOKEN, source: 'generated', file: '/srv/data/admin-token' };
const readBack: AdminToken = { ...generated, source: 'data-dir' };
const fromEnv: AdminToken = { token: TOKEN, source: 'env' };
const quickStart = { enabled: true, tenantId: 'default' };

const banner = (admin: AdminToken, toTerminal: boolean, simulator = quickStart) =>
  startupBanner({ publicUrl: URL, admin, toTerminal, simulatorMode: 'auto', simulator });

describe('the start-up banner', () => {
  it.each([
    ['generated now', generated],
    ['generated earlier and read back from the data dir', readBack],
  ])('puts a token Baton %s into the links, on a terminal', (_name, admin) => {
    const text = banner(admin, true);
    expect(text).toContain(`Console:   ${URL}/?token=${TOKEN}`);
    expect(text).toContain(`Simulator: ${URL}/sim?token=${TOKEN}`);
    expect(text).not.toContain('Admin token:');
  });

  it('never prints a token the operator set, and says where it is', () => {
    for (const toTerminal of [true, false]) {
      const text = banner(fromEnv, toTerminal);
      expect(text).not.toContain(TOKEN);
      expect(text).toContain(`Console:   ${URL}/\n`);
      expect(text).toContain('Admin token: the one set in BATON_ADMIN_TOKEN');
    }
  });

  it('prints no token to a file or a log collector: it names the file holding it', () => {
    const text = banner(generated, false);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain(`Simulator: ${URL}/sim\n`);
    expect(text).toContain('Admin token: in /srv/data/admin-token (not printed');
  });

  it('says whether the simulator is a sandbox, or why it is off', () => {
    expect(banner(fromEnv, true, { enabled: true, tenantId: 'sandbox' })).toContain(
      `${URL}/sim  (a sandbox organisation, apart from the real chats)`,
    );
    expect(banner(fromEnv, true, { enabled: false, tenantId: 'sandbox' })).toContain(
      'Simulator: off (a chat platform is configured; BATON_SIMULATOR=on serves it in a sandbox)',
    );
    const off = startupBanner({
      publicUrl: URL,
      admin: fromEnv,
      toTerminal: true,
      simulatorMode: 'off',
      simulator: { enabled: false, tenantId: 'default' },
    });
    expect(off).toContain('Simulator: off (BATON_SIMULATOR=off)');
  });
});
