import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The admin token, and where it came from (which decides whether Baton may print it). */
export type AdminToken =
  | { readonly token: string; readonly source: 'env' }
  /** Baton's own: made now, or at an earlier start and read back from `file`. */
  | { readonly token: string; readonly source: 'generated' | 'data-dir'; readonly file: string };

/**
 * The admin token guarding the console, the simulator and `/api`: BATON_ADMIN_TOKEN when set,
 * otherwise one generated at first start and kept (mode 0600) in the data dir, so it survives
 * restarts.
 */
export function resolveAdminToken(configured: string | null, dataDir: string): AdminToken {
  if (configured) return { token: configured, source: 'env' };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 16) return { token: stored, source: 'data-dir', file };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: 'generated', file };
}
