import { z } from 'zod';
import type { KpiGroups } from '../../../domain/kpi/kpi.types.js';

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

/** The columns that place a node's fact in every KPI grouping. */
export const nodeGroupColumns = {
  department_id: z.string().nullable(),
  template_key: z.string().nullable(),
  owners: ids,
};

export function groupsOf(row: {
  department_id: string | null;
  template_key: string | null;
  owners: string[];
}): KpiGroups {
  return {
    departmentIds: row.department_id ? [row.department_id] : [],
    personIds: row.owners,
    templateKey: row.template_key,
  };
}
