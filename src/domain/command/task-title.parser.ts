import { commandError } from './command.errors.js';
import type { CommandKind } from './command.types.js';
import { trimSeparators, wordsOf } from './command-text.models.js';

/** The longest title a card shows in full. */
export const MAX_TITLE_LENGTH = 100;

const URGENT_BRACKETED = /[[【(（]\s*(?:紧急|加急|urgent)\s*[\]】)）]/giu;
const URGENT_WORD = /^(?:紧急|加急|urgent)$/i;
/** `活动日期=2026-12-20`, `活动：12月20日`, `event=…`; a value with spaces is quoted. */
const EVENT_DATE =
  /(?:^|\s)(?:活动日期|活动时间|活动|event)\s*[=:：]\s*(?:"([^"]*)"|“([^”]*)”|「([^」]*)」|([^\s"“”「」]+))/i;

/** A title line with its markers taken out. */
export interface TitleLine {
  readonly text: string;
  readonly urgent: boolean;
  readonly eventDateText: string | null;
}

/** True for a word that only marks urgency: `紧急`, `urgent`, `【紧急】`, `[urgent]`. */
export function isUrgentMarker(word: string): boolean {
  if (URGENT_WORD.test(word)) return true;
  return word !== '' && word.replace(URGENT_BRACKETED, '') === '';
}

/**
 * Reads the urgency markers (`紧急` or `urgent` as a word of its own, or bracketed anywhere:
 * `【紧急】`, `[urgent]`) and the event date out of a title line; `紧急预案演练` stays a title.
 */
export function readTitleLine(line: string): TitleLine {
  const event = EVENT_DATE.exec(line);
  const withoutEvent = event
    ? `${line.slice(0, event.index)} ${line.slice(event.index + event[0].length)}`
    : line;
  const unbracketed = withoutEvent.replace(URGENT_BRACKETED, ' ');
  const words = wordsOf(unbracketed);
  const kept = words.filter((word) => !URGENT_WORD.test(word));
  return {
    text: trimSeparators(kept.join(' ')),
    urgent: unbracketed !== withoutEvent || kept.length < words.length,
    eventDateText: event
      ? (event[1] ?? event[2] ?? event[3] ?? event[4] ?? '').trim() || null
      : null,
  };
}

/** @throws DomainError when the title is empty or too long for a card. */
export function requireTitle(kind: CommandKind, title: string, what: string): string {
  if (title === '') {
    throw commandError(kind, 'missing_title', `请在命令后面写上${what}。`);
  }
  if ([...title].length > MAX_TITLE_LENGTH) {
    throw commandError(kind, 'title_too_long', `${what}最多 ${MAX_TITLE_LENGTH} 个字。`);
  }
  return title;
}
