import type { CalendarConfig, OfficialSchedule } from '../../domain/calendar/calendar.types.js';
import type { EscalationLadder } from '../../domain/org/org.types.js';
import type { OrgFile } from './org-file.schema.js';

/** Organisation-wide settings kept on the tenant row (`tenants.settings`). */
export interface TenantSettings {
  readonly calendar: CalendarConfig;
  readonly escalation: { readonly normal: EscalationLadder; readonly urgent: EscalationLadder };
}

/**
 * Settings as tenant rows hold them: rows written before official schedules existed lack them,
 * and a tenant row made before any org file was loaded has no calendar at all.
 */
export type StoredTenantSettings = Omit<TenantSettings, 'calendar'> & {
  readonly calendar?: Omit<CalendarConfig, 'officialSchedules'> & {
    readonly officialSchedules?: readonly OfficialSchedule[];
  };
};

/** The schedules a tenant row holds (none in rows from before they existed). */
export function storedSchedules(settings: StoredTenantSettings): readonly OfficialSchedule[] {
  return settings.calendar?.officialSchedules ?? [];
}

export function tenantSettingsFromOrgFile(file: OrgFile): TenantSettings {
  const { urgent, ...normal } = file.escalation;
  return {
    calendar: {
      timezone: file.timezone,
      workStartMinute: file.workHours.workStartMinute,
      workEndMinute: file.workHours.workEndMinute,
      holidays: file.holidays,
      extraHolidays: [...file.extraHolidays].sort(),
      extraWorkdays: [...file.extraWorkdays].sort(),
      officialSchedules: Object.entries(file.calendar)
        .map(([year, days]) => ({
          year: Number(year),
          holidays: [...days.holidays].sort(),
          workdays: [...days.workdays].sort(),
          origin: 'org-file' as const,
          source: days.source ?? 'org file',
        }))
        .sort((a, b) => a.year - b.year),
    },
    escalation: { normal, urgent },
  };
}

/**
 * The schedules to keep when an org file is loaded again: the file's own, plus the years
 * brought in by `baton calendar import` that the file does not name (the file wins a year).
 */
export function mergeSchedules(
  fromFile: readonly OfficialSchedule[],
  stored: readonly OfficialSchedule[],
): OfficialSchedule[] {
  const named = new Set(fromFile.map((schedule) => schedule.year));
  const imported = stored.filter((s) => s.origin === 'import' && !named.has(s.year));
  return [...fromFile, ...imported].sort((a, b) => a.year - b.year);
}

/** The schedules after importing `schedule`: it replaces whatever held its year. */
export function withImportedSchedule(
  stored: readonly OfficialSchedule[],
  schedule: OfficialSchedule,
): OfficialSchedule[] {
  return [...stored.filter((s) => s.year !== schedule.year), schedule].sort(
    (a, b) => a.year - b.year,
  );
}
