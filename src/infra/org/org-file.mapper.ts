import type { CalendarConfig } from '../../domain/calendar/calendar.types.js';
import type { EscalationLadder } from '../../domain/org/org.types.js';
import type { OrgFile } from './org-file.schema.js';

/** Organisation-wide settings kept on the tenant row (`tenants.settings`). */
export interface TenantSettings {
  readonly calendar: CalendarConfig;
  readonly escalation: { readonly normal: EscalationLadder; readonly urgent: EscalationLadder };
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
      officialSchedules: [],
    },
    escalation: { normal, urgent },
  };
}
