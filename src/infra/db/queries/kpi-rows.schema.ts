import { z } from 'zod';

/** Raw rows differ by driver (timestamps as strings or Dates, bigints as strings): coerce once. */
export const instant = z.coerce.date();
export const optionalInstant = instant.nullable();
export const ids = z
  .array(z.string().nullable())
  .nullable()
  .transform((list) => (list ?? []).filter((id): id is string => id !== null));

export const durationSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('ms'), ms: z.number() }),
  z.object({ unit: z.literal('workdays'), days: z.number() }),
  z.object({ unit: z.literal('workhours'), hours: z.number() }),
]);

/** The period a KPI query covers: `[from, to)`. */
export interface KpiPeriod {
  readonly from: Date;
  readonly to: Date;
}
