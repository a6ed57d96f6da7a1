import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeKpis } from '../../../application/kpi/compute-kpis.usecase.js';
import { kpisToCsv } from '../../../application/kpi/kpi-csv.js';
import { kpiLabeller } from '../../../application/kpi/kpi-labels.js';
import { createBusinessCalendar } from '../../../domain/calendar/business-calendar.js';
import { addDays, parseLocalDate } from '../../../domain/calendar/local-date.models.js';
import { weekOf } from '../../../domain/report/report-period.js';
import type { KpiSource } from '../../../ports/kpi-source.port.js';
import type { OrgStore } from '../../../ports/org-store.port.js';

export interface KpiRouteDeps {
  readonly kpiSource: KpiSource;
  readonly orgStore: OrgStore;
  /** One organisation per deployment for now. */
  readonly tenantId: string;
  readonly now: () => Date;
  /** Flow templates, for their names in rows grouped by template. */
  readonly templates?: readonly { readonly key: string; readonly name: string }[];
}

const localDate = z.string().refine((d) => parseLocalDate(d) !== null, 'expected YYYY-MM-DD');
const querySchema = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    by: z.enum(['all', 'department', 'person', 'template']).default('all'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, 'from must be before to')
  .refine((q) => !q.from || !q.to || addDays(q.from, 400) > q.to, 'at most 400 days');

/**
 * `GET /api/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD&by=department|person|template&format=csv`:
 * the KPIs of docs/KPIS.md for the org-local days `[from, to)` (default: this week).
 */
export async function kpiRoutes(app: FastifyInstance, deps: KpiRouteDeps) {
  app.get('/api/kpis', async (request, reply) => {
    const parsed = querySchema.safeParse(request.query);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('; ');
      return reply.status(400).send({ error: { code: 'kpis.bad_query', message } });
    }
    const org = await deps.orgStore.loadOrg(deps.tenantId);
    if (!org)
      return reply.status(404).send({ error: { code: 'org.not_found', message: 'No org' } });
    const calendar = createBusinessCalendar(org.calendar);
    const now = deps.now();
    const week = weekOf(calendar.localDate(now));
    const q = parsed.data;
    const from = q.from ?? (q.to ? addDays(q.to, -7) : week.from);
    const to = q.to ?? (q.from ? addDays(q.from, 7) : week.to);
    const report = await computeKpis(deps.kpiSource, {
      tenantId: deps.tenantId,
      calendar,
      from: calendar.atLocalTime(from, 0),
      to: calendar.atLocalTime(to, 0),
      by: q.by === 'all' ? null : q.by,
      now,
    });
    const labelOf = kpiLabeller(org, report.by, deps.templates);
    if (q.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kpis-${from}-${to}-${q.by}.csv"`)
        .send(kpisToCsv(report, labelOf));
    }
    return {
      from,
      to,
      timezone: org.calendar.timezone,
      by: q.by,
      rows: report.rows.map((row) => ({ ...row, label: labelOf(row.key) })),
    };
  });
}
