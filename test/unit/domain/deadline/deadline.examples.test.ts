import { describe, expect, it } from 'vitest';
import {
  DEADLINE_EXAMPLES,
  DEADLINE_HINT_EXAMPLES,
} from '../../../../src/domain/deadline/deadline.examples.js';
import { parseDeadline } from '../../../../src/domain/deadline/deadline.parser.js';
import { sh, shanghaiCalendar } from '../calendar/calendar.fixtures.js';

const context = { now: sh('2026-11-23 10:00'), calendar: shanghaiCalendar() };

describe('DEADLINE_EXAMPLES', () => {
  it.each(DEADLINE_EXAMPLES)('%j parses', (example) => {
    expect(parseDeadline(example, context).text).toBe(example);
  });

  it.each(DEADLINE_HINT_EXAMPLES)('hint %j is one of the examples', (hint) => {
    expect(DEADLINE_EXAMPLES).toContain(hint);
  });

  it('covers all three kinds', () => {
    const kinds = new Set(DEADLINE_EXAMPLES.map((example) => parseDeadline(example, context).kind));
    expect([...kinds].sort()).toEqual(['absolute', 'after-activation', 'event-relative']);
  });
});
