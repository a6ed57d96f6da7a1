import { describe, expect, it } from 'vitest';
import { unloadedScheduleNote } from '../../../../src/domain/calendar/calendar-notice.js';
import { sh, shanghaiCalendar } from './calendar.fixtures.js';

const schedule2027 = {
  year: 2027,
  holidays: ['2027-01-01'],
  workdays: [],
  origin: 'baton' as const,
  source: 'calendars/2027.yaml',
};

describe('unloadedScheduleNote', () => {
  it.each([
    [['2026-12-31 18:00'], null],
    [['2027-01-04 18:00'], '2027 年调休安排尚未载入，已按法定节假日计算'],
    [
      ['2028-02-01 18:00', '2027-01-04 18:00', '2027-03-01 10:00'],
      '2027、2028 年调休安排尚未载入，已按法定节假日计算',
    ],
    // 2027-01-01 00:30 in Shanghai is still 2026 in UTC: the org's zone decides the year.
    [['2027-01-01 00:30'], '2027 年调休安排尚未载入，已按法定节假日计算'],
    [[], null],
  ])('%j → %s', (deadlines, note) => {
    expect(unloadedScheduleNote(shanghaiCalendar(), deadlines.map(sh))).toBe(note);
  });

  it('says nothing once the year is loaded, or for a Monday–Friday calendar', () => {
    const loaded = shanghaiCalendar({ officialSchedules: [schedule2027] });
    expect(unloadedScheduleNote(loaded, [sh('2027-01-04 18:00')])).toBeNull();
    const none = shanghaiCalendar({ holidays: 'none' });
    expect(unloadedScheduleNote(none, [sh('2027-01-04 18:00')])).toBeNull();
  });
});
