import type { Department, Org, Person, Platform } from '../../domain/org/org.types.js';
import { assertExhaustive } from '../../domain/shared/assert-exhaustive.js';
import { DomainError } from '../../domain/shared/domain-error.js';

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
  const people = org.people.filter((p) => p.active && (p.name === name || p.id === name));
  if (people.length === 1) {
    const person = people[0] as Person;
    return { personId: person.id, departmentId: person.departmentId };
  }
  if (people.length > 1) {
    const who = people.map((p) => `${p.name}（${departmentName(org, p.departmentId)}）`).join('、');
    throw new DomainError(
      'directory.ambiguous',
      `「${name}」对应多个人：${who}。请写全名或用 id。`,
    );
  }
  const department = org.departments.find((d) => d.name === name || d.id === name);
  if (department) return liaisonOf(department);
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

export function nameOf(org: Org): (personId: string) => string {
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  return (personId) => names.get(personId) ?? personId;
}
