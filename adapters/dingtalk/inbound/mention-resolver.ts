import type { Org, Person } from '../../../src/domain/org/org.types.js';
import type { AtUser } from './robot-message.schema.js';

/** `@name` as DingTalk leaves it in the text: up to the next space or punctuation. */
const MENTION = /@([^\s@，。,;；:：、)）(（]+)/gu;

/**
 * Rewrites the `@display name` mentions in a message so the engine resolves them to the right
 * person. DingTalk gives the mentioned user ids (`atUsers`) but not which name belongs to which
 * id, so an id is used only when it settles a name unambiguously: a name that several people
 * share but only one of them was @-mentioned, or the one unknown name left when exactly one
 * mentioned id is unaccounted for. Anything still unknown or shared stays as written, and the
 * engine answers with its clear Chinese error.
 */
export function resolveMentions(
  text: string,
  atUsers: readonly AtUser[],
  org: Pick<Org, 'people' | 'departments'>,
): string {
  const active = org.people.filter((p) => p.active);
  const isDepartment = (name: string) =>
    org.departments.some((d) => d.name === name || d.id === name);
  const mentioned = active.filter((p) =>
    atUsers.some((u) => u.staffId !== undefined && u.staffId === p.dingtalkUserId),
  );
  const names = [...text.matchAll(MENTION)].map((m) => m[1] as string);
  const claimed = new Set<Person>();
  const rewrites = new Map<string, string>();
  const unknown: string[] = [];
  for (const name of new Set(names)) {
    const byName = active.filter((p) => p.name === name || p.id === name);
    const among = byName.filter((p) => mentioned.includes(p));
    if (byName.length === 1) claimed.add(byName[0] as Person);
    else if (among.length === 1) {
      // Ids are unique: a shared name becomes the one mentioned person's id.
      claimed.add(among[0] as Person);
      rewrites.set(name, (among[0] as Person).id);
    } else if (byName.length === 0 && !isDepartment(name)) unknown.push(name);
  }
  const unclaimed = mentioned.filter((p) => !claimed.has(p));
  if (unknown.length === 1 && unclaimed.length === 1) {
    rewrites.set(unknown[0] as string, (unclaimed[0] as Person).id);
  }
  return text.replace(MENTION, (whole, name: string) => {
    const id = rewrites.get(name);
    return id ? `@${id}` : whole;
  });
}
