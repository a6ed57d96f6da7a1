import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseTemplate, type Template } from '../../domain/template/template.schema.js';

/** Reads and validates every `*.yaml` SOP template in a folder (at start; a bad one stops start-up). */
export function readTemplates(dir: string): Template[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => parseTemplate(parse(readFileSync(join(dir, f), 'utf8')), join(dir, f)));
}
