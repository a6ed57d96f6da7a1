import { z } from 'zod';
import { templateErrors } from './template.errors.js';
import { durationSchema, ladderSchema } from './template-ladder.schema.js';

/**
 * Who owns a template node, resolved against the org when a task is made from it:
 * `requester` (who starts the flow), `dept:<id>` or `liaison:<id>` (the department's liaison),
 * `leader:<id>` (its leader), `person:<id>`, `field:<name>` (the liaison of the department
 * named in that field). A department is named by id or by name.
 */
export const roleSchema = z
  .string()
  .regex(/^(requester|(dept|liaison|leader|person|field):[^\s:]+)$/, {
    message:
      '负责人要写成 requester、dept:<部门>、liaison:<部门>、leader:<部门>、person:<人员> 或 field:<字段>',
  });

const fieldSchema = z
  .object({
    name: z.string().min(1).max(20),
    required: z.boolean().default(false),
    /** The field is the task's event date (for event-relative deadlines). */
    eventDate: z.boolean().default(false),
    /** The field names a department (for `field:` owners). */
    department: z.boolean().default(false),
    /** A value to show in the template's example (`/流程 采购 物品=笔记本电脑`). */
    example: z.string().min(1).max(40).optional(),
  })
  .strict();

const nodeSchema = z
  .object({
    title: z.string().min(1).max(40),
    /** One owner (a role), or several with `owners`. */
    owner: roleSchema.optional(),
    owners: z.array(roleSchema).min(1).max(10).optional(),
    /** With several owners: `all` (会签) or `any` (或签). */
    signMode: z.enum(['all', 'any']).default('all'),
    kind: z.enum(['action', 'approval']).default('action'),
    /** Deadline as people write it: `2个工作小时`, `3个工作日内`, `活动前3天`. */
    deadline: z.string().min(1),
    /** The SOP's response limit (first acknowledgement or decision), e.g. `2wh`. */
    respondWithin: durationSchema.optional(),
    /** Runs together with the node before it. */
    parallel: z.boolean().default(false),
    inputs: z.array(z.string().min(1)).default([]),
    outputs: z.array(z.string().min(1)).default([]),
    /** A hint for the owners, kept on the node (`说明`). */
    note: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((n) => (n.owner === undefined) !== (n.owners === undefined), {
    message: '每个节点要写 owner（一位）或 owners（多位），二选一',
  })
  .transform(({ owner, owners, ...rest }) => ({ ...rest, owners: owners ?? [owner ?? ''] }));

export const templateSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(40),
    /** Other names people type after /流程 (`采购`). */
    aliases: z.array(z.string().min(1)).default([]),
    priority: z.enum(['normal', 'urgent']).default('normal'),
    /** A rejection sends the task back to the nodes before (`sendback`) or closes it. */
    onReject: z.enum(['sendback', 'close']).default('sendback'),
    fields: z.array(fieldSchema).default([]),
    /** The task title; `{field}` is replaced by the field's value. */
    title: z.string().min(1).max(100),
    /** The template's own escalation ladder; without it the org's normal or urgent one. */
    escalation: ladderSchema.optional(),
    nodes: z.array(nodeSchema).min(1).max(30),
  })
  .strict()
  .superRefine(checkReferences);

type TemplateShape = {
  readonly title: string;
  readonly fields: readonly z.output<typeof fieldSchema>[];
  // zod runs this check even when a node failed its own: its owners may then be missing.
  readonly nodes: readonly { readonly owners?: readonly string[] }[];
};

/** Names used in the title and in `field:` owners must be declared fields. */
function checkReferences(t: TemplateShape, ctx: z.RefinementCtx): void {
  const declared = new Map(t.fields.map((f) => [f.name, f]));
  if (t.fields.filter((f) => f.eventDate).length > 1)
    ctx.addIssue({
      code: 'custom',
      path: ['fields'],
      message: '最多只能有一个活动日期字段（eventDate）',
    });
  for (const [, name = ''] of t.title.matchAll(/\{([^}]+)\}/g)) {
    if (!declared.has(name))
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: `标题用到的字段「${name}」没有在 fields 里声明`,
      });
  }
  t.nodes.forEach((node, i) => {
    for (const role of node.owners ?? []) {
      const name = role.startsWith('field:') ? role.slice('field:'.length) : null;
      if (name !== null && !declared.get(name)?.department)
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'owners'],
          message: `「${role}」要对应一个 department: true 的字段`,
        });
    }
  });
}

export type Template = z.output<typeof templateSchema>;
export type TemplateNode = Template['nodes'][number];
export type TemplateField = Template['fields'][number];

/**
 * Validates a template read from YAML (the reading happens elsewhere).
 * @throws DomainError `template.invalid` listing every problem, each with its path.
 */
export function parseTemplate(raw: unknown, source = '(template)'): Template {
  const parsed = templateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw templateErrors.invalid(source, problems);
}
