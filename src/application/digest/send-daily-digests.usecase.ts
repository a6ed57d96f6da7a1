import { digestCard } from '../../../cards/digest-card.builder.js';
import { createBusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { Person } from '../../domain/org/org.types.js';
import type { NewDelivery } from '../../ports/delivery-store.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { cardContextOf, platformUserIdOf } from '../inbound/org-directory.js';
import type { ReportJobDeps } from '../report/post-weekly-reports.usecase.js';

/**
 * The personal daily digest: on a working day, each person with open nodes who has not turned
 * it off gets one private card listing them, soonest deadline first. The dedupe key names the
 * day, so however many workers run the job, a person gets one digest a day.
 */
export async function sendDailyDigests(
  deps: ReportJobDeps & { readonly publicUrl: string },
): Promise<{ people: number }> {
  const now = deps.now();
  let people = 0;
  for (const tenantId of await deps.tenantIds()) {
    const org = await deps.orgStore.loadOrg(tenantId);
    if (!org) continue;
    const calendar = createBusinessCalendar(org.calendar);
    const today = calendar.localDate(now);
    if (!calendar.isWorkday(today)) continue;
    const card = cardContextOf(org, now, calendar, deps.publicUrl);
    people += await deps.runInTransaction(async (uow) => {
      const optOuts = await uow.personSettings.digestOptOuts(tenantId);
      const deliveries: NewDelivery[] = [];
      for (const person of org.people.filter((p) => p.active && !optOuts.has(p.id))) {
        const delivery = await digestFor(uow, tenantId, person, today, card);
        if (delivery) deliveries.push(delivery);
      }
      await uow.enqueueDeliveries(deliveries);
      return deliveries.length;
    });
  }
  return { people };
}

async function digestFor(
  uow: UnitOfWork,
  tenantId: string,
  person: Person,
  today: string,
  ctx: Parameters<typeof digestCard>[1],
): Promise<NewDelivery | null> {
  // A 会签 node the person already signed waits for others, not for them.
  const owned = await uow.tasks.findOpenNodesOwnedBy(tenantId, person.id);
  const items = owned
    .filter(({ node }) => node.owners.some((o) => o.personId === person.id && !o.decision))
    .sort((a, b) => (a.node.dueAt?.getTime() ?? Infinity) - (b.node.dueAt?.getTime() ?? Infinity));
  const first = items[0];
  if (!first) return null;
  // Sent where the person's soonest work comes from: the platform they are using for it.
  const platform = first.task.origin.platform;
  const platformUserId = platformUserIdOf(person, platform);
  if (!platformUserId) return null;
  return {
    tenantId,
    taskId: null,
    nodeId: null,
    platform,
    target: { kind: 'person', platformUserId },
    purpose: 'daily-digest',
    message: { kind: 'card', card: digestCard(items, ctx, today), mentions: [] },
    dedupeKey: `daily-digest-${tenantId}-${today}-${person.id}`,
  };
}
