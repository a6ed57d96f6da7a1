import type { CardContext } from '../../../cards/card-context.js';
import type { BusinessCalendar } from '../../domain/calendar/calendar.types.js';
import { ladderFor } from '../../domain/escalation/ping-plan.policy.js';
import type {
  Department,
  EscalationLadder,
  Org,
  Person,
  Platform,
} from '../../domain/org/org.types.js';
import { assertExhaustive } from '../../domain/shared/assert-exhaustive.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Task } from '../../domain/task/task.types.js';
import type { Template } from '../../domain/template/template.schema.js';

/** The platform's id of a person, used to send to them and @-mention them. */
export function platformUserIdOf(person: Person, platform: Platform): string | null {
  switch (platform) {
    case 'wecom':
      return person.wecomUserId;
    case 'dingtalk':
      return person.dingtalkUserId;
    case 'sim':
      return person.id;
    default:
      return assertExhaustive(platform);
  }
}

/** The person behind a platform user id, when the org knows them. */
export function personByPlatformId(
  org: Org,
  platform: Platform,
  platformUserId: string,
): Person | null {
  return (
    org.people.find((p) => p.active && platformUserIdOf(p, platform) === platformUserId) ?? null
  );
}

export interface ResolvedOwner {
  readonly personId: string;
  readonly departmentId: string | null;
}

/**
 * A name written after `@`: a person (by name or id), or a department meaning its liaison.
 * Unknown and ambiguous names are errors that say so.
 */
export function resolveName(org: Org, name: string): ResolvedOwner {
  const exact = peopleNamed(org, name);
  if (exact.length > 0) {
    const person = onePerson(org, name, exact);
    return { personId: person.id, departmentId: person.departmentId };
  }
  const department = org.departments.find((d) => d.name === name || d.id === name);
  if (department) return liaisonOf(department);
  const person = onePerson(org, name, peopleLike(org, name));
  return { personId: person.id, departmentId: person.departmentId };
}

/** A name written after `@` that must be a person (a setting names people, not departments). */
export function resolvePerson(org: Org, name: string): Person {
  const exact = peopleNamed(org, name);
  return onePerson(org, name, exact.length > 0 ? exact : peopleLike(org, name));
}

function peopleNamed(org: Org, name: string): Person[] {
  return org.people.filter((p) => p.active && (p.name === name || p.id === name));
}

/**
 * No exact match: names that contain what was written or are contained in it (`@张` for 张三
 * when nobody else's name has 张; `@张三丰` for 张三 typed with a suffix), two characters at least.
 */
function peopleLike(org: Org, name: string): Person[] {
  if ([...name].length < 2) return [];
  return org.people.filter(
    (p) => p.active && [...p.name].length >= 2 && (p.name.includes(name) || name.includes(p.name)),
  );
}

function onePerson(org: Org, name: string, found: readonly Person[]): Person {
  if (found.length === 1) return found[0] as Person;
  if (found.length > 1) {
    const who = found
      .slice(0, 5)
      .map((p) => `${p.name}（${departmentName(org, p.departmentId)}，@${p.id}）`)
      .join('、');
    throw new DomainError(
      'directory.ambiguous',
      `「${name}」对应多个人：${who}${found.length > 5 ? ' 等' : ''}。你指的是哪一位？请用 @id 指明。`,
    );
  }
  throw new DomainError(
    'directory.unknown',
    `不认识「@${name}」：组织里没有叫这个名字的人或部门。`,
  );
}

function liaisonOf(department: Department): ResolvedOwner {
  if (!department.liaisonId) {
    throw new DomainError(
      'directory.no_liaison',
      `${department.name}还没有设置联络员，请直接 @ 具体负责人。`,
    );
  }
  return { personId: department.liaisonId, departmentId: department.id };
}

export function departmentName(org: Org, departmentId: string | null): string {
  return org.departments.find((d) => d.id === departmentId)?.name ?? '未分配部门';
}

/** What cards of the org need besides the task. */
export function cardContextOf(
  org: Org,
  now: Date,
  calendar: BusinessCalendar,
  publicUrl: string,
  templates: readonly Pick<Template, 'key' | 'escalation'>[] | null = null,
): CardContext {
  return {
    now,
    calendar,
    nameOf: nameOf(org),
    departmentOf: departmentOf(org),
    publicUrl,
    ladderOf: (task) => ladderOf(task, org, templates),
  };
}

/**
 * The ladder a task follows, or null when it is a template's own and the templates are not at
 * hand (a template without a ladder of its own follows the org's).
 */
function ladderOf(
  task: Task,
  org: Org,
  templates: readonly Pick<Template, 'key' | 'escalation'>[] | null,
): EscalationLadder | null {
  if (task.templateKey === null) return ladderFor(task, org);
  if (templates === null) return null;
  const template = templates.find((t) => t.key === task.templateKey);
  return ladderFor(task, org, template?.escalation ?? null);
}

/** The department name of each person, for cards. */
export function departmentOf(org: Org): (personId: string) => string | null {
  const departments = new Map(org.departments.map((d) => [d.id, d.name]));
  const people = new Map(org.people.map((p) => [p.id, p.departmentId]));
  return (personId) => departments.get(people.get(personId) ?? '') ?? null;
}

export function nameOf(org: Org): (personId: string) => string {
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  return (personId) => names.get(personId) ?? personId;
}
