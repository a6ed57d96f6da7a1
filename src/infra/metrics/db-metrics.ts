import { sql } from 'drizzle-orm';
import { Counter, Gauge } from 'prom-client';
import { z } from 'zod';
import { lastOfficialYear } from '../../domain/calendar/official-schedule.models.js';
import { type Db, queryRows } from '../db/client.js';
import { countInbox } from '../db/queries/inbox-counts.js';
import { loadTenantCalendars } from '../org/tenant-calendars.js';
import type { Metrics } from './metrics.js';

const countRow = z.object({
  a: z.string().nullable(),
  b: z.string().nullable(),
  n: z.coerce.number(),
});

async function counts(db: Db, query: ReturnType<typeof sql>) {
  return z.array(countRow).parse(await queryRows(db, query));
}

/**
 * Metrics of the whole deployment, read from Postgres at scrape time: the workers that send
 * deliveries and fire pings may run in other processes, but they all write here. Counts of
 * append-only rows only grow, so they are exposed as counters.
 */
export function registerDatabaseMetrics(metrics: Metrics, db: Db): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'baton_deliveries',
    help: 'Outbound messages by platform, purpose and current status (pending, sent, dead, …)',
    labelNames: ['platform', 'purpose', 'status'] as const,
    registers,
    async collect() {
      const rows = z.array(countRow.extend({ c: z.string() })).parse(
        await queryRows(
          db,
          sql`select platform as a, purpose as b, status as c, count(*) as n
                from deliveries group by platform, purpose, status`,
        ),
      );
      this.reset();
      for (const r of rows) this.set({ platform: r.a ?? '', purpose: r.b ?? '', status: r.c }, r.n);
    },
  });
  new Gauge({
    name: 'baton_calendar_official_schedule_last_year',
    help: "Last year with the State Council's holiday schedule loaded, per tenant; later years follow the statutory holidays only",
    labelNames: ['tenant'] as const,
    registers,
    async collect() {
      this.reset();
      for (const { tenantId, calendar } of await loadTenantCalendars(db)) {
        const year = lastOfficialYear(calendar);
        if (year !== null) this.set({ tenant: tenantId }, year);
      }
    },
  });
  new Gauge({
    name: 'baton_inbox_events',
    help: 'Inbound events accepted but not yet run by the engine (waiting), or set aside (failed)',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const inbox = await countInbox(db);
      this.set({ state: 'waiting' }, inbox.waiting);
      this.set({ state: 'failed' }, inbox.failed);
    },
  });
  new Counter({
    name: 'baton_pings_fired_total',
    help: 'Reminders, response checks and escalation steps fired, by kind and whether late',
    labelNames: ['kind', 'late'] as const,
    registers,
    async collect() {
      const rows = await counts(
        db,
        sql`select kind as a, late::text as b, count(*) as n from fired_pings group by kind, late`,
      );
      this.reset();
      for (const r of rows) this.inc({ kind: r.a ?? '', late: r.b ?? 'false' }, r.n);
    },
  });
  new Counter({
    name: 'baton_escalations_total',
    help: 'Escalations by level (`manual` for /升级), from the event log',
    labelNames: ['level'] as const,
    registers,
    async collect() {
      const rows = await counts(
        db,
        sql`select coalesce(data->>'level', 'manual') as a, null as b, count(*) as n from events
            where type in ('node.escalated', 'task.escalated') group by 1`,
      );
      this.reset();
      for (const r of rows) this.inc({ level: r.a ?? 'manual' }, r.n);
    },
  });
}
