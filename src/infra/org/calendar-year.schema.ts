import { z } from 'zod';
import { parseLocalDate } from '../../domain/calendar/local-date.models.js';
import { scheduleProblems } from '../../domain/calendar/official-schedule.models.js';

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are written YYYY-MM-DD' })
  .refine((d) => parseLocalDate(d) !== null, { message: 'not a real date' });
/** YAML reads an unquoted 2026-12-31 as a Date; accept both spellings. */
export const dateEntry = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  localDate,
);

/** One year of the State Council's notice: its days off and its make-up working days. */
const scheduleDays = {
  /** Where the dates come from: the notice's title, number or address. */
  source: z.string().trim().min(1).max(300).optional(),
  holidays: z.array(dateEntry).min(1),
  workdays: z.array(dateEntry).default([]),
};

type Days = { holidays: string[]; workdays: string[] };

/** Adds the domain's objections to a year's schedule as issues on `path`. */
function checkYear(year: number, days: Days, ctx: z.RefinementCtx, path: (string | number)[]) {
  for (const message of scheduleProblems({ year, ...days })) {
    ctx.addIssue({ code: 'custom', message, path });
  }
}

/** The org file's `calendar:` section: one entry per year, keyed by the year (`2027:`). */
export const orgCalendarSchema = z
  .record(
    z.string().regex(/^\d{4}$/, { message: 'years are written as four digits, e.g. 2027' }),
    z.object(scheduleDays).strict(),
  )
  .superRefine((years, ctx) => {
    for (const [year, days] of Object.entries(years)) checkYear(Number(year), days, ctx, [year]);
  });

/** A calendar file (`calendars/2027.yaml`, `baton calendar import <file>`): one year. */
export const calendarFileSchema = z
  .object({ year: z.number().int().min(2000).max(2099), ...scheduleDays })
  .strict()
  .superRefine((file, ctx) => checkYear(file.year, file, ctx, ['holidays']));

export type CalendarFile = z.output<typeof calendarFileSchema>;
export type OrgCalendar = z.output<typeof orgCalendarSchema>;
