import type { ReportPeriod } from '../../domain/command/command.types.js';
import { resolveReportPeriod } from '../../domain/report/report-period.js';
import type { CommandScope } from '../inbound/engine-context.js';
import { reply } from '../inbound/replies.js';
import { buildReport } from './weekly-report.js';

/** `/周报 [period]`: the same report as the weekly one, for the period asked, here and now. */
export async function replyWeeklyReport(scope: CommandScope, period: ReportPeriod): Promise<void> {
  const span = resolveReportPeriod(period, scope.calendar.localDate(scope.now));
  const card = await buildReport(scope.uow.kpis, {
    tenantId: scope.tenantId,
    org: scope.org,
    calendar: scope.calendar,
    span,
    now: scope.now,
  });
  await reply(scope, { kind: 'card', card, mentions: [] });
}
