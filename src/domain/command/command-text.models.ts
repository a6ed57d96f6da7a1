import type { TaskRef } from './command.types.js';

/**
 * Folds what phones and IMEs type into one form: full-width letters, digits and punctuation
 * (＠，：；／＃ and the ideographic space) become ASCII, CRLF becomes LF.
 */
export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ');
}

const MENTION = /@([^\s@,;:，；、#]+)/g;

/** Names after `@`, in order, without duplicates. */
export function extractMentions(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[1] as string))];
}

export function removeMentions(text: string): string {
  return text.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
}

const REF = /(?:^|\s)#(\d{1,7})(?:\.(\d{1,3}))?(?=\s|$)/;

/** The first `#12` / `#12.2` in the text, and the text without it. */
export function takeRef(text: string): { ref: TaskRef | null; rest: string } {
  const match = REF.exec(text);
  if (!match) return { ref: null, rest: text.trim() };
  const ref = { task: Number(match[1]), node: match[2] === undefined ? null : Number(match[2]) };
  return {
    ref,
    rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.trim(),
  };
}

/** Text or null when blank. */
export function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
