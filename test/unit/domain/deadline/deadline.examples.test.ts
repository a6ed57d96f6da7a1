import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/domain/command/command.parser.js';
import { helpText } from '../../../../src/domain/command/command.usage.js';
import {
  DEADLINE_EXAMPLES,
  DEADLINE_HINT_EXAMPLES,
} from '../../../../src/domain/deadline/deadline.examples.js';
import { parseDeadline } from '../../../../src/domain/deadline/deadline.parser.js';
import { DEADLINE_MANUAL } from '../../../../src/domain/deadline/deadline-manual.catalog.js';
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

describe('DEADLINE_MANUAL (/帮助 截止时间)', () => {
  const phrases = DEADLINE_MANUAL.filter((line) => line.startsWith('【'))
    .flatMap((line) => line.replace(/^【[^】]+】/, '').split('、'))
    .map((phrase) => phrase.replace(/（[^）]*）/g, '').trim());

  it('quotes at least twenty phrases', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(phrases)('%j parses', (phrase) => {
    expect(() => parseDeadline(phrase, context)).not.toThrow();
  });

  it('is what /帮助 截止时间 answers', () => {
    expect(helpText(parseHelpTopic('/帮助 截止时间'))).toBe(DEADLINE_MANUAL.join('\n'));
    expect(helpText(parseHelpTopic('/help deadline'))).toBe(DEADLINE_MANUAL.join('\n'));
  });
});

function parseHelpTopic(text: string) {
  const parsed = parseCommand(text);
  if (parsed.kind !== 'command' || parsed.command.kind !== 'help') throw new Error(text);
  return parsed.command.topic;
}
