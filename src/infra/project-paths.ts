import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Baton's package.json, whether running from `src/` (tsx) or `dist/`. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');
export const SAMPLE_ORG_FILE = join(PROJECT_ROOT, 'examples', 'org.sample.yaml');
export const CALENDARS_DIR = join(PROJECT_ROOT, 'calendars');
