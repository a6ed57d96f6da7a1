import { z } from 'zod';
import { DomainError } from '../shared/domain-error.js';
import { parseDuration } from '../shared/duration.parser.js';

const duration = z.string().transform((text, ctx) => {
  try {
    return parseDuration(text);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.userMessage });
    return z.NEVER;
  }
});

/** Who owns a template node: `requester`, `dept:<id>` (its liaison), `liaison:<id>`, `leader:<id>`, `person:<id>`, `field:<name>` (a department named in a field). */
const owner = z.string().regex(/^(requester|(dept|liaison|leader|person|field):[^\s:]+)$/, {
  message:
    'owner must be requester, dept:<id>, liaison:<id>, leader:<id>, person:<id> or field:<name>',
});

export const templateSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(40),
    aliases: z.array(z.string().min(1)).default([]),
    priority: z.enum(['normal', 'urgent']).default('normal'),
    onReject: z.enum(['sendback', 'close']).default('sendback'),
    fields: z
      .array(
        z
          .object({
            name: z.string().min(1).max(20),
            required: z.boolean().default(false),
            /** The field is the task's event date (for event-relative deadlines). */
            eventDate: z.boolean().default(false),
            /** The field names a department (for `field:` owners). */
            department: z.boolean().default(false),
          })
          .strict(),
      )
      .default([]),
    /** The task title; `{field}` is replaced by the field's value. */
    title: z.string().min(1).max(100),
    nodes: z
      .array(
        z
          .object({
            title: z.string().min(1).max(40),
            owner,
            kind: z.enum(['action', 'approval']).default('action'),
            /** Deadline as people write it: `2小时内`, `3个工作日内`, `活动前3天`. */
            deadline: z.string().min(1),
            /** The SOP's response limit (first acknowledgement), e.g. `2h`. */
            respondWithin: duration.optional(),
            parallel: z.boolean().default(false),
            inputs: z.array(z.string()).default([]),
            outputs: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .min(1)
      .max(30),
  })
  .strict();

export type Template = z.output<typeof templateSchema>;
export type TemplateNode = Template['nodes'][number];

/** Validates a template read from YAML; throws with every problem listed. */
export function parseTemplate(raw: unknown, source: string): Template {
  const parsed = templateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Invalid template ${source}:\n  ${problems.join('\n  ')}`);
}
