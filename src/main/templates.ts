import type { EscalationLadder } from '../domain/org/org.types.js';
import type { Template } from '../domain/template/template.schema.js';
import { combineTemplates } from '../domain/template/template-catalog.models.js';
import type { Config } from '../infra/config/config.js';
import { TEMPLATES_DIR } from '../infra/project-paths.js';
import { readTemplates } from '../infra/template/template-files.js';

/**
 * The SOP templates this deployment offers: the organisation's own (BATON_TEMPLATES_DIR) first,
 * replacing a built-in one with the same key. A bad or ambiguous template stops start-up.
 */
export function loadTemplates(config: Pick<Config, 'templatesDir'>): Template[] {
  const own = config.templatesDir ? readTemplates(config.templatesDir) : [];
  return combineTemplates(own, readTemplates(TEMPLATES_DIR));
}

/** A task's template's own escalation ladder, or null (the org's ladder then applies). */
export function templateLadders(
  templates: readonly Template[],
): (templateKey: string | null) => EscalationLadder | null {
  const byKey = new Map(templates.map((t) => [t.key, t.escalation ?? null]));
  return (templateKey) => (templateKey ? (byKey.get(templateKey) ?? null) : null);
}
