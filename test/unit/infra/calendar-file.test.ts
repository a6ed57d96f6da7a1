import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OfficialSchedule } from '../../../src/domain/calendar/calendar.types.js';
import {
  mergeSchedules,
  tenantSettingsFromOrgFile,
  withImportedSchedule,
} from '../../../src/infra/org/org-file.mapper.js';
import {
  OrgFileError,
  parseCalendarFile,
  parseOrgFile,
} from '../../../src/infra/org/org-file.parser.js';
import {
  shippedSchedules,
  withShippedSchedules,
} from '../../../src/infra/org/shipped-calendars.js';
import { CALENDARS_DIR } from '../../../src/infra/project-paths.js';

const STATUTORY_2027 =
  '[2027-01-01, 2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08, 2027-04-05, 2027-05-01, 2027-05-02, 2027-06-09, 2027-09-15, 2027-10-01, 2027-10-02, 2027-10-03]';

const schedule = (year: number, origin: OfficialSchedule['origin']): OfficialSchedule => ({
  year,
  holidays: [`${year}-01-01`],
  workdays: [],
  origin,
  source: origin,
});

describe('parseCalendarFile', () => {
  it('reads a year with its source', () => {
    const file = parseCalendarFile(
      `year: 2027\nsource: 通知\nholidays: ${STATUTORY_2027}\nworkdays: [2027-02-20]\n`,
      'c.yaml',
    );
    expect(file).toMatchObject({ year: 2027, source: '通知', workdays: ['2027-02-20'] });
  });

  it.each([
    [
      'a date outside the year',
      `holidays: ${STATUTORY_2027.replace(']', ', 2028-01-03]')}`,
      'dates outside 2027: 2028-01-03',
    ],
    [
      'a missing statutory day',
      'holidays: [2027-01-01]',
      'statutory holidays missing from holidays: 2027-02-05 (春节)',
    ],
    [
      'a weekday make-up day',
      `holidays: ${STATUTORY_2027}\nworkdays: [2027-02-09]`,
      'fall on weekends, these do not: 2027-02-09',
    ],
    [
      'a day both off and working',
      `holidays: ${STATUTORY_2027.replace(']', ', 2027-02-20]')}\nworkdays: [2027-02-20]`,
      'both a holiday and a workday: 2027-02-20',
    ],
  ])('refuses %s', (_, body, message) => {
    expect(() => parseCalendarFile(`year: 2027\n${body}\n`, 'c.yaml')).toThrow(message);
  });

  it('names the file kind in its error', () => {
    expect(() => parseCalendarFile('year: 1999\nholidays: []\n', 'c.yaml')).toThrow(
      /^Invalid calendar file c\.yaml/,
    );
  });
});

describe("the org file's calendar:", () => {
  it('becomes official schedules of origin org-file', () => {
    const file = parseOrgFile(
      `calendar:\n  2027:\n    holidays: ${STATUTORY_2027}\n    workdays: [2027-02-20]\n`,
      'org.yaml',
    );
    expect(tenantSettingsFromOrgFile(file).calendar.officialSchedules).toEqual([
      expect.objectContaining({
        year: 2027,
        origin: 'org-file',
        source: 'org file',
        workdays: ['2027-02-20'],
      }),
    ]);
  });

  it('refuses a year with problems, with the line', () => {
    try {
      parseOrgFile('calendar:\n  2027:\n    holidays: [2027-01-01]\n', 'org.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OrgFileError);
      expect((err as OrgFileError).problems[0]).toMatchObject({ path: 'calendar.2027', line: 3 });
    }
  });
});

describe('which schedule holds a year', () => {
  it('an org file keeps imported years it does not name, and wins the ones it does', () => {
    const merged = mergeSchedules(
      [schedule(2027, 'org-file')],
      [schedule(2027, 'import'), schedule(2028, 'import'), schedule(2029, 'org-file')],
    );
    expect(merged.map((s) => `${s.year} ${s.origin}`)).toEqual(['2027 org-file', '2028 import']);
  });

  it('an import replaces whatever held its year', () => {
    const after = withImportedSchedule([schedule(2027, 'org-file')], schedule(2027, 'import'));
    expect(after.map((s) => s.origin)).toEqual(['import']);
  });

  it("Baton's calendars/ fill only the years a tenant leaves", () => {
    const baton = shippedSchedules(join(import.meta.dirname, 'calendars-fixture'));
    expect(baton).toEqual([expect.objectContaining({ year: 2027, origin: 'baton' })]);
    expect(baton[0]?.source).toBe('calendars/2027.yaml（test fixture, the statutory days only）');
    const own = [schedule(2027, 'import')];
    expect(withShippedSchedules(own, baton)).toEqual(own);
    expect(withShippedSchedules([], baton)).toEqual(baton);
  });

  it("Baton's own calendars/ folder reads without problems", () => {
    expect(() => shippedSchedules(CALENDARS_DIR)).not.toThrow();
  });
});
