import { z } from 'zod';
import { parseWorkHours } from '../../domain/calendar/work-hours.parser.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { parseDuration } from '../../domain/shared/duration.parser.js';
import { isKnownTimeZone } from '../config/time-zone.js';
import { dateEntry, orgCalendarSchema } from './calendar-year.schema.js';

const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'ids are 1-64 letters, digits, _ . or -' });
const name = z.string().trim().min(1).max(64);

/** Turns a domain parser's DomainError into a zod issue, so every problem is listed at once. */
function viaDomain<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.userMessage });
      return z.NEVER;
    }
  });
}

const duration = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  viaDomain(parseDuration),
);

const reminderOffset = z.string().transform((text, ctx) => {
  const share = /^(\d{1,3}(?:\.\d+)?)%$/.exec(text.trim());
  if (share) {
    const value = Number(share[1]) / 100;
    if (value > 0 && value < 1) return { kind: 'share' as const, share: value };
    ctx.addIssue({ code: 'custom', message: 'a share must be between 0% and 100%' });
    return z.NEVER;
  }
  try {
    return { kind: 'before' as const, duration: parseDuration(text) };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.userMessage });
    return z.NEVER;
  }
});

const notifyTarget = z.enum(['owner', 'liaison', 'coordination', 'leadership', 'requester']);

const ladder = z.object({
  remindBefore: z.array(reminderOffset).default([]),
  levels: z
    .array(z.object({ after: duration, notify: z.array(notifyTarget).min(1) }).strict())
    .min(1),
});

/** The ladders of PRODUCT.md, used when the org file names none. */
const DEFAULT_NORMAL_LADDER = {
  remindBefore: ['50%', '1h'],
  levels: [
    { after: '0', notify: ['owner', 'liaison'] },
    { after: '24h', notify: ['coordination'] },
    { after: '48h', notify: ['leadership'] },
  ],
} satisfies z.input<typeof ladder>;

const DEFAULT_URGENT_LADDER = {
  remindBefore: ['10m'],
  levels: [
    { after: '0', notify: ['owner', 'liaison', 'coordination'] },
    { after: '2h', notify: ['leadership'] },
  ],
} satisfies z.input<typeof ladder>;

export const orgFileSchema = z
  .object({
    tenant: z
      .object({
        id: id.default('default'),
        name: name.default('默认组织'),
        wecomCorpId: z.string().min(1).optional(),
        dingtalkCorpId: z.string().min(1).optional(),
      })
      .strict()
      .default({ id: 'default', name: '默认组织' }),
    timezone: z
      .string()
      .refine(isKnownTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai' })
      .default('Asia/Shanghai'),
    workHours: viaDomain(parseWorkHours).prefault('09:00-18:00'),
    holidays: z.enum(['cn', 'none']).default('cn'),
    extraHolidays: z.array(dateEntry).default([]),
    extraWorkdays: z.array(dateEntry).default([]),
    /** The State Council's yearly schedules the org loads itself (e.g. before Baton ships one). */
    calendar: orgCalendarSchema.default({}),
    departments: z
      .array(z.object({ id, name, liaison: id.optional(), leader: id.optional() }).strict())
      .default([]),
    people: z
      .array(
        z
          .object({
            id,
            name,
            department: id.optional(),
            wecom: z.coerce.string().min(1).optional(),
            dingtalk: z.coerce.string().min(1).optional(),
          })
          .strict(),
      )
      .default([]),
    coordination: z
      .object({
        chats: z
          .array(
            z
              .object({
                platform: z.enum(['wecom', 'dingtalk', 'sim']),
                chatId: z.string().min(1),
                name: z.string().optional(),
                webhookKey: z.string().min(1).optional(),
              })
              .strict(),
          )
          .default([]),
        coordinators: z.array(id).default([]),
        leadership: z.array(id).default([]),
      })
      .strict()
      .default({ chats: [], coordinators: [], leadership: [] }),
    admins: z.array(id).default([]),
    escalation: ladder
      .extend({ urgent: ladder.prefault(DEFAULT_URGENT_LADDER) })
      .strict()
      .prefault(DEFAULT_NORMAL_LADDER),
  })
  .strict();

export type OrgFileInput = z.input<typeof orgFileSchema>;
export type OrgFile = z.output<typeof orgFileSchema>;
