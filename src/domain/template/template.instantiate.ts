import type { Org } from '../org/org.types.js';
import { DomainError } from '../shared/domain-error.js';
import type { Template, TemplateNode } from './template.schema.js';

/** A node of a task made from a template, with its owner resolved and deadline as written. */
export interface TemplateNodeDraft {
  readonly title: string;
  readonly ownerId: string;
  readonly departmentId: string | null;
  readonly kind: TemplateNode['kind'];
  readonly deadlineText: string;
  readonly responseLimit: TemplateNode['respondWithin'] | null;
  readonly parallel: boolean;
  readonly fields: Readonly<Record<string, string>>;
}

export interface TemplateTaskDraft {
  readonly title: string;
  readonly priority: Template['priority'];
  readonly onReject: Template['onReject'];
  readonly eventDateText: string | null;
  readonly nodes: readonly TemplateNodeDraft[];
}

/** The template named by key, Chinese name or alias. */
export function findTemplate(templates: readonly Template[], name: string): Template {
  const wanted = name.trim().toLowerCase();
  const found = templates.find(
    (t) =>
      t.key === wanted ||
      t.name === name.trim() ||
      t.aliases.some((a) => a.toLowerCase() === wanted),
  );
  if (found) return found;
  const names = templates.map((t) => t.aliases[0] ?? t.name).join('、');
  throw new DomainError('template.unknown', `没有「${name}」这个流程。可用的流程：${names}。`);
}

/**
 * Fills a template for a requester: checks the fields, resolves role owners against the org
 * (a department means its liaison), and writes the title. Clear Chinese errors for what is missing.
 */
export function instantiateTemplate(
  template: Template,
  input: {
    fields: Readonly<Record<string, string>>;
    requesterId: string;
    requesterDepartmentId: string | null;
    org: Org;
  },
): TemplateTaskDraft {
  const missing = template.fields.filter((f) => f.required && !input.fields[f.name]?.trim());
  if (missing.length > 0) {
    const usage = template.fields.map((f) => `${f.name}=…`).join(' ');
    throw new DomainError(
      'template.missing_fields',
      `流程「${template.name}」还缺：${missing.map((f) => f.name).join('、')}。请这样写：/流程 ${template.aliases[0] ?? template.key} ${usage}`,
    );
  }
  const eventField = template.fields.find((f) => f.eventDate);
  return {
    title: template.title.replace(/\{([^}]+)\}/g, (_, name: string) => input.fields[name] ?? ''),
    priority: template.priority,
    onReject: template.onReject,
    eventDateText: eventField ? (input.fields[eventField.name] ?? null) : null,
    nodes: template.nodes.map((node) => {
      const owner = resolveRole(node.owner, input);
      const io = Object.fromEntries([
        ...(node.inputs.length ? [['输入', node.inputs.join('、')]] : []),
        ...(node.outputs.length ? [['输出', node.outputs.join('、')]] : []),
      ]);
      return {
        title: node.title,
        ownerId: owner.personId,
        departmentId: owner.departmentId,
        kind: node.kind,
        deadlineText: node.deadline,
        responseLimit: node.respondWithin ?? null,
        parallel: node.parallel,
        fields: io,
      };
    }),
  };
}

function resolveRole(
  role: string,
  input: {
    fields: Readonly<Record<string, string>>;
    requesterId: string;
    requesterDepartmentId: string | null;
    org: Org;
  },
): { personId: string; departmentId: string | null } {
  if (role === 'requester')
    return { personId: input.requesterId, departmentId: input.requesterDepartmentId };
  const [kind = '', ref = ''] = role.split(':');
  const org = input.org;
  const department = (idOrName: string) => {
    const d = org.departments.find((x) => x.id === idOrName || x.name === idOrName);
    if (!d)
      throw new DomainError(
        'template.unknown_department',
        `流程需要部门「${idOrName}」，但组织里没有这个部门。`,
      );
    return d;
  };
  switch (kind) {
    case 'dept':
    case 'liaison':
    case 'field': {
      const d = department(kind === 'field' ? (input.fields[ref] ?? '') : ref);
      if (!d.liaisonId)
        throw new DomainError('template.no_liaison', `${d.name}还没有联络员，无法分派流程节点。`);
      return { personId: d.liaisonId, departmentId: d.id };
    }
    case 'leader': {
      const d = department(ref);
      if (!d.leaderId) throw new DomainError('template.no_leader', `${d.name}还没有设置领导。`);
      return { personId: d.leaderId, departmentId: d.id };
    }
    case 'person': {
      const p = org.people.find((x) => x.id === ref && x.active);
      if (!p)
        throw new DomainError('template.unknown_person', `流程指定的负责人「${ref}」不在组织里。`);
      return { personId: p.id, departmentId: p.departmentId };
    }
    default:
      throw new DomainError('template.bad_owner', `流程的负责人「${role}」写法不对。`);
  }
}
