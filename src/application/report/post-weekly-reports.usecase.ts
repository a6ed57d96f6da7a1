import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { isFirstWorkdayOfWeek, spanBefore, weekOf } from '../../domain/report/report-period.js';
import type { NewDelivery } from '../../ports/delivery-store.port.js';
import type { OrgStore } from '../../ports/org-store.port.js';
import type { RunInTransaction } from '../../ports/unit-of-work.port.js';
import { buildReport } from './weekly-report.js';

export interface ReportJobDeps {
  readonly runInTransaction: RunInTransaction;
  readonly orgStore: OrgStore;
  readonly tenantIds: () => Promise<readonly string[]>;
  readonly now: () => Date;
}

/**
 * The weekly report: on the first working day of a week (Monday, unless it is a holiday), each
 * coordination chat gets last week's report. The delivery's dedupe key names the week, so a
 * second run, a second worker or a retried job posts nothing more.
 */
export async function postWeeklyReports(deps: ReportJobDeps): Promise<{ posted: number }> {
  const now = deps.now();
  let posted = 0;
  for (const tenantId of await deps.tenantIds()) {
    const org = await deps.orgStore.loadOrg(tenantId);
    if (!org || org.coordination.chats.length === 0) continue;
    const calendar = createBusinessCalendar(org.calendar);
    const today = calendar.localDate(now);
    if (!isFirstWorkdayOfWeek(today, calendar)) continue;
    const span = spanBefore(weekOf(today));
    posted += await deps.runInTransaction(async (uow) => {
      const card = await buildReport(uow.kpis, { tenantId, org, calendar, span, now });
      const deliveries: NewDelivery[] = org.coordination.chats.map((chat) => ({
        tenantId,
        taskId: null,
        nodeId: null,
        platform: chat.platform,
        target: { kind: 'chat', chatId: chat.chatId },
        purpose: 'report',
        message: { kind: 'card', card, mentions: [] },
        dedupeKey: `report-${tenantId}-${span.from}-${chat.platform}-${chat.chatId}`,
      }));
      await uow.enqueueDeliveries(deliveries);
      return deliveries.length;
    });
  }
  return { posted };
}
