import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficialSchedule } from '../../domain/calendar/calendar.types.js';
import { CALENDARS_DIR } from '../project-paths.js';
import { parseCalendarFile } from './org-file.parser.js';

let shipped: readonly OfficialSchedule[] | undefined;

/**
 * The State Council's schedules Baton ships in `calendars/` (one `YYYY.yaml` per year), read
 * once per process. A bad file stops the process with its problems: it ships with Baton, so
 * it is Baton's bug, not the organisation's.
 */
export function shippedSchedules(dir: string = CALENDARS_DIR): readonly OfficialSchedule[] {
  if (dir === CALENDARS_DIR && shipped) return shipped;
  const schedules = readdirSync(dir)
    .filter((name) => /^\d{4}\.yaml$/.test(name))
    .sort()
    .map((name): OfficialSchedule => {
      const file = parseCalendarFile(readFileSync(join(dir, name), 'utf8'), `calendars/${name}`);
      return {
        year: file.year,
        holidays: [...file.holidays].sort(),
        workdays: [...file.workdays].sort(),
        origin: 'baton',
        source: `calendars/${name}${file.source ? `（${file.source}）` : ''}`,
      };
    });
  if (dir === CALENDARS_DIR) shipped = schedules;
  return schedules;
}

/** A tenant's own schedules first (org file, imports), then Baton's for the years they leave. */
export function withShippedSchedules(
  own: readonly OfficialSchedule[],
  baton: readonly OfficialSchedule[] = shippedSchedules(),
): OfficialSchedule[] {
  const years = new Set(own.map((schedule) => schedule.year));
  return [...own, ...baton.filter((schedule) => !years.has(schedule.year))];
}
