import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** `npm run lint:layers` (part of `npm run lint`), less its program name. */
const SCRIPT = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['lint:layers'];
const [PROGRAM, ...ARGS] = String(SCRIPT).split(' ');
const CRUISED = ARGS.filter((arg, i) => !arg.startsWith('-') && !ARGS[i - 1]?.startsWith('-'));

interface Violation {
  readonly from: string;
  readonly rule: { readonly name: string };
}

/** Runs the layer check in `cwd` as the script does (`-T json`: with what it found instead). */
function cruise(cwd: string, extra: readonly string[] = []) {
  return spawnSync(process.execPath, [CRUISER, ...ARGS, ...extra], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function violationsIn(cwd: string): Violation[] {
  const report = cruise(cwd, ['-T', 'json']);
  if (!report.stdout) throw new Error(`dependency-cruiser printed nothing: ${report.stderr}`);
  return JSON.parse(report.stdout).summary.violations;
}

/**
 * Forbidden imports planted in a copy of the tree: file → [source, the rule it breaks]; a cycle
 * is reported once, from its first file.
 */
const PROBES: Record<string, readonly [string, string | null]> = {
  'src/domain/probe-fs.ts': ["export * from 'node:fs/promises';", 'domain-is-pure'],
  'src/domain/probe-net.ts': ["export * from 'node:net';", 'domain-is-pure'],
  'src/domain/probe-drizzle.ts': ["export * from 'drizzle-orm/pg-core';", 'domain-is-pure'],
  'src/domain/probe-ws.ts': ["export type { WebSocket } from 'ws';", 'domain-is-pure'],
  'src/domain/probe-infra.ts': ["export * from '../infra/db/client.js';", 'domain-is-pure'],
  'src/application/probe-infra.ts': [
    "export * from '../infra/queue/queue-names.js';",
    'application-imports-domain-ports-cards',
  ],
  'adapters/probe-infra.ts': [
    "export * from '../src/infra/queue/queue-names.js';",
    'adapters-not-infra-application',
  ],
  'adapters/probe-application.ts': [
    "export type * from '../src/application/inbound/engine-context.js';",
    'adapters-not-infra-application',
  ],
  'cards/probe-main.ts': ["export * from '../src/main/simulator.js';", 'only-main-wires'],
  'src/ports/probe-cycle-a.ts': ["export * from './probe-cycle-b.js';", 'no-circular'],
  'src/ports/probe-cycle-b.ts': ["export * from './probe-cycle-a.js';", null],
};

describe('the layer check (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'baton-layers-'));
    for (const entry of [...CRUISED, 'tsconfig.json', '.dependency-cruiser.cjs'])
      cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('is the dependency-cruiser command', () => {
    expect(PROGRAM).toBe('depcruise');
  });

  it('passes on the tree as it is', { timeout: 60_000 }, () => {
    const run = cruise(copy);
    expect(run.stdout).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  });

  it('fails on every kind of forbidden import', { timeout: 60_000 }, () => {
    for (const [file, [source]] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      writeFileSync(join(copy, file), `${source}\n`);
    }
    expect(cruise(copy).status).not.toBe(0);
    const violations = violationsIn(copy);
    for (const [file, [, rule]] of Object.entries(PROBES)) {
      if (rule === null) continue;
      expect(
        violations.some((v) => v.from === file && v.rule.name === rule),
        `${file} breaks ${rule}`,
      ).toBe(true);
    }
  });
});
