import type { Department, Org } from '../org/org.types.js';
import { templateErrors } from './template.errors.js';

/** A role resolved to a person, with the department the node then belongs to. */
export interface ResolvedOwner {
  readonly personId: string;
  readonly departmentId: string | null;
}

export interface RoleContext {
  readonly org: Org;
  readonly requesterId: string;
  /** The filled-in template fields, for `field:` roles. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Resolves a template role (see `roleSchema`) against the org: `requester`, `dept:`/`liaison:`
 * (the department's liaison), `leader:`, `person:`, `field:` (the liaison of the department the
 * field names). Departments are found by id or by name.
 * @throws DomainError `template.unknown_department`, `template.no_liaison`,
 *   `template.no_leader`, `template.unknown_person`.
 */
export function resolveRole(role: string, ctx: RoleContext): ResolvedOwner {
  if (role === 'requester') return personOf(ctx.requesterId, ctx.org);
  const separator = role.indexOf(':');
  const kind = role.slice(0, separator);
  const ref = role.slice(separator + 1);
  switch (kind) {
    case 'dept':
    case 'liaison':
      return liaisonOf(departmentOf(ref, ctx.org));
    case 'field':
      return liaisonOf(departmentOf(ctx.fields[ref]?.trim() ?? '', ctx.org));
    case 'leader': {
      const department = departmentOf(ref, ctx.org);
      if (!department.leaderId) throw templateErrors.noLeader(department.name);
      return { personId: department.leaderId, departmentId: department.id };
    }
    case 'person':
      return personOf(ref, ctx.org);
    default:
      throw templateErrors.unknownPerson(role);
  }
}

function departmentOf(ref: string, org: Org): Department {
  const found = org.departments.find((d) => d.id === ref || d.name === ref);
  if (!found) throw templateErrors.unknownDepartment(ref);
  return found;
}

function liaisonOf(department: Department): ResolvedOwner {
  if (!department.liaisonId) throw templateErrors.noLiaison(department.name);
  return { personId: department.liaisonId, departmentId: department.id };
}

function personOf(personId: string, org: Org): ResolvedOwner {
  const person = org.people.find((p) => p.id === personId && p.active);
  if (!person) throw templateErrors.unknownPerson(personId);
  return { personId: person.id, departmentId: person.departmentId };
}
