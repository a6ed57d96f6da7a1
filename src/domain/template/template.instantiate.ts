import type { BusinessCalendar, LocalDate } from '../calendar/calendar.types.js';
import { parseDeadline } from '../deadline/deadline.parser.js';
import { parseEventDate } from '../deadline/event-date.parser.js';
import type { EscalationLadder, Org } from '../org/org.types.js';
import type { NewNode } from '../task/task.factory.js';
import type { Task } from '../task/task.types.js';
import { templateErrors } from './template.errors.js';
import type { Template, TemplateNode } from './template.schema.js';
import { templateEntry } from './template-manual.js';
import { resolveRole } from './template-roles.policy.js';

export interface InstantiateContext {
  /** The fields as the requester filled them (`物品=笔记本电脑`). */
  readonly fields: Readonly<Record<string, string>>;
  readonly requesterId: string;
  readonly org: Org;
  readonly now: Date;
  readonly calendar: BusinessCalendar;
  /** A new node id per call (the domain makes no ids of its own). */
  readonly ids: () => string;
}

/** Everything a new task takes from its template; the caller adds id, number, creator, chat. */
export interface TemplateTaskDraft {
  readonly title: string;
  readonly priority: Task['priority'];
  readonly onReject: Task['onReject'];
  readonly eventDate: LocalDate | null;
  readonly templateKey: string;
  /** The template's own ladder, or null for the org's (see `ladderFor`). */
  readonly ladder: EscalationLadder | null;
  readonly nodes: readonly NewNode[];
}

/**
 * Fills a template for a requester: checks the fields, reads the event date, resolves each
 * node's roles against the org and understands its deadline. The requester's fields are kept on
 * the first node, each node's inputs and outputs on the node (`输入`, `输出`, `说明`).
 * @throws DomainError `template.missing_fields`, `template.unknown_fields`,
 *   `event_date.unreadable`, `event_date.in_past`, `template.needs_event_date`, and the role errors of `resolveRole`.
 */
export function instantiateTemplate(
  template: Template,
  ctx: InstantiateContext,
): TemplateTaskDraft {
  const fields = filledFields(template, ctx.fields);
  const eventDate = eventDateOf(template, fields, ctx);
  return {
    title: titleOf(template, fields),
    priority: template.priority,
    onReject: template.onReject,
    eventDate,
    templateKey: template.key,
    ladder: template.escalation ?? null,
    nodes: template.nodes.map((node, i) =>
      nodeOf(template, node, { ...ctx, fields }, eventDate, i === 0 ? fields : {}),
    ),
  };
}

/** What a refusal of a request shows after it: the template's fields and an example. */
function usageOf(template: Template): string {
  return templateEntry(template).join('\n');
}

/** The fields that were filled (trimmed), after checking none is missing and none is unknown. */
function filledFields(template: Template, given: Readonly<Record<string, string>>) {
  const filled = Object.fromEntries(
    Object.entries(given)
      .map(([name, value]) => [name.trim(), value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  const known = template.fields.map((f) => f.name);
  const unknown = Object.keys(filled).filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw templateErrors.unknownFields(template.name, unknown, known.join('、'), usageOf(template));
  const missing = template.fields.filter((f) => f.required && !filled[f.name]).map((f) => f.name);
  if (missing.length > 0)
    throw templateErrors.missingFields(template.name, missing, usageOf(template));
  return filled;
}

function titleOf(template: Template, fields: Readonly<Record<string, string>>): string {
  return template.title.replace(/\{([^}]+)\}/g, (_, name: string) => fields[name] ?? '').trim();
}

/** The event date field (`12月20日`, `2026-12-20`) as a local date of the org. */
function eventDateOf(
  template: Template,
  fields: Readonly<Record<string, string>>,
  ctx: InstantiateContext,
): LocalDate | null {
  const field = template.fields.find((f) => f.eventDate);
  const text = field ? fields[field.name] : undefined;
  if (!field || text === undefined) return null;
  return parseEventDate(text, { now: ctx.now, calendar: ctx.calendar }, field.name);
}

function nodeOf(
  template: Template,
  node: TemplateNode,
  ctx: InstantiateContext,
  eventDate: LocalDate | null,
  requestFields: Readonly<Record<string, string>>,
): NewNode {
  const owners = node.owners.map((role) => resolveRole(role, ctx));
  const deadline = parseDeadline(node.deadline, { now: ctx.now, calendar: ctx.calendar });
  if (deadline.kind === 'event-relative' && eventDate === null)
    throw templateErrors.needsEventDate(template.name, node.title);
  return {
    id: ctx.ids(),
    title: node.title,
    kind: node.kind,
    signMode: node.signMode,
    owners: owners.map((o) => o.personId),
    departmentId: owners[0]?.departmentId ?? null,
    deadline,
    responseLimit: node.respondWithin ?? null,
    fields: {
      ...requestFields,
      ...(node.inputs.length > 0 ? { 输入: node.inputs.join('、') } : {}),
      ...(node.outputs.length > 0 ? { 输出: node.outputs.join('、') } : {}),
      ...(node.note ? { 说明: node.note } : {}),
    },
    parallel: node.parallel,
  };
}
