import { mergeFields } from '../../domain/directory/field-precedence.js';
import type { Person, Platform } from '../../domain/org/org.types.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { platformUserIdOf } from '../inbound/org-directory.js';

/**
 * A person the directory knows only by their platform id (contacts that mask names) gets the
 * display name the platform sent with their message, as platform data: the org file and chat
 * settings still win. Returns whether a name was learned.
 */
export async function learnDisplayName(
  uow: UnitOfWork,
  tenantId: string,
  platform: Platform,
  person: Person,
  displayName: string | null,
): Promise<boolean> {
  const name = displayName?.trim();
  const userId = platformUserIdOf(person, platform);
  if (platform === 'sim' || !name || person.name !== userId || name === userId) return false;
  const row = await uow.directory.findPerson(tenantId, person.id);
  if (!row) return false;
  const merged = mergeFields(row, platform, { name });
  if (merged.changed.length === 0) return false;
  await uow.directory.savePeople(tenantId, [
    { ...row, fields: merged.fields, fieldSources: merged.fieldSources },
  ]);
  await uow.directory.logChanges(tenantId, platform, person.id, [
    { kind: 'person.renamed', personId: person.id, from: person.name, to: name },
  ]);
  return true;
}
