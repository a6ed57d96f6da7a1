import { templateErrors } from './template.errors.js';
import type { Template } from './template.schema.js';
import { flowNameOf } from './template-manual.js';

/** How a template name is compared: full-width folded, trimmed, case-insensitive. */
const normalized = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

const namesOf = (t: Template): string[] => [t.key, t.name, ...t.aliases].map(normalized);

/**
 * The template named by key, Chinese name or alias (`procurement`, `物资采购`, `采购`).
 * @throws DomainError `template.unknown` listing the flows there are.
 */
export function findTemplate(templates: readonly Template[], name: string): Template {
  const wanted = normalized(name);
  const found = templates.find((t) => namesOf(t).includes(wanted));
  if (found) return found;
  const available = templates.map(flowNameOf).join('、');
  throw templateErrors.unknown(name.trim(), available || '（还没有流程模板）');
}

/**
 * The templates a deployment offers: the organisation's own first, then the built-in ones it
 * did not replace (an own template with a built-in's key replaces it). No two of them may then
 * answer to the same key, name or alias, so {@link findTemplate} never has to guess.
 * @throws DomainError `template.duplicate_name`.
 */
export function combineTemplates(
  own: readonly Template[],
  builtIn: readonly Template[],
): Template[] {
  const replaced = new Set(own.map((t) => t.key));
  const combined = [...own, ...builtIn.filter((t) => !replaced.has(t.key))];
  assertDistinctNames(combined);
  return combined;
}

function assertDistinctNames(templates: readonly Template[]): void {
  const owner = new Map<string, string>();
  for (const template of templates) {
    for (const name of new Set(namesOf(template))) {
      const first = owner.get(name);
      if (first !== undefined) throw templateErrors.duplicateName(name, first, template.key);
      owner.set(name, template.key);
    }
  }
}
