import type { CalendarConfig } from '../../domain/calendar/calendar.types.js';
import type { Db } from '../db/client.js';
import { tenants } from '../db/schema/index.js';
import { type StoredTenantSettings, storedSchedules } from './org-file.mapper.js';
import { withShippedSchedules } from './shipped-calendars.js';

/**
 * Every tenant's calendar as the engine uses it (its own schedules, then Baton's), read with
 * one query: for the start-up warning and `/metrics`, which need no directory.
 */
export async function loadTenantCalendars(
  db: Db,
): Promise<{ tenantId: string; calendar: CalendarConfig }[]> {
  const rows = await db.select({ id: tenants.id, settings: tenants.settings }).from(tenants);
  // A tenant row without an organisation loaded yet has no calendar to speak of.
  return rows.flatMap((row) => {
    const calendar = calendarOfSettings(row.settings as StoredTenantSettings);
    return calendar ? [{ tenantId: row.id, calendar }] : [];
  });
}

/** A tenant row's calendar: its own schedules (org file, imports), then Baton's `calendars/`. */
export function calendarOfSettings(settings: StoredTenantSettings): CalendarConfig | null {
  if (!settings.calendar) return null;
  return {
    ...settings.calendar,
    officialSchedules: withShippedSchedules(storedSchedules(settings)),
  };
}
