import { z } from 'zod';
import { parseWorkHours } from '../../domain/calendar/work-hours.parser.js';
import { ladderSchema, viaDomain } from '../../domain/template/template-ladder.schema.js';
import { isKnownTimeZone } from '../config/time-zone.js';
import { dateEntry, orgCalendarSchema } from './calendar-year.schema.js';

const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'ids are 1-64 letters, digits, _ . or -' });
const name = z.string().trim().min(1).max(64);

/** The ladders of PRODUCT.md, used when the org file names none. */
const DEFAULT_NORMAL_LADDER = {
  remindBefore: ['50%', '1h'],
  levels: [
    { after: '0', notify: ['owner', 'liaison'] },
    { after: '24h', notify: ['coordination'] },
    { after: '48h', notify: ['leadership'] },
  ],
} satisfies z.input<typeof ladderSchema>;

const DEFAULT_URGENT_LADDER = {
  remindBefore: ['10m'],
  levels: [
    { after: '0', notify: ['owner', 'liaison', 'coordination'] },
    { after: '2h', notify: ['leadership'] },
  ],
} satisfies z.input<typeof ladderSchema>;

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
    escalation: ladderSchema
      .extend({ urgent: ladderSchema.prefault(DEFAULT_URGENT_LADDER) })
      .strict()
      .prefault(DEFAULT_NORMAL_LADDER),
  })
  .strict();

export type OrgFileInput = z.input<typeof orgFileSchema>;
export type OrgFile = z.output<typeof orgFileSchema>;
