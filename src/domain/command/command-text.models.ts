/**
 * Full-width forms that carry syntax (`＠＃／＋＝．` and letters, digits) become ASCII. The CJK
 * punctuation of ordinary prose (，：；（）！？) stays as typed, so notes and reasons read as
 * written; the parsers accept both forms wherever punctuation matters.
 */
const PROSE_PUNCTUATION = new Set(['，', '：', '；', '（', '）', '！', '？']);
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Spaces of every kind, incl. the U+2005 WeCom puts after a mention and the ideographic space. */
const SPACES = /[^\S\n]+/g;

/**
 * Folds what phones and IMEs type into one form: full-width syntax characters become ASCII
 * (and `：` between digits, as in `18：00`), every kind of space becomes one plain space,
 * CRLF and line separators become LF, zero-width characters are dropped, and each line is
 * trimmed.
 */
export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(FULL_WIDTH, (c) =>
      PROSE_PUNCTUATION.has(c) ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(SPACES, ' ')
    .replace(/(?<=\d)：(?=\d)/g, ':')
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

/** Punctuation that may separate parts of a command and is dropped at the edges of a part. */
const LEADING_SEPARATORS = /^[\s,，:：;；、.。]+/;
/** Sentence-ending `.` and `。` stay: they belong to what the person wrote. */
const TRAILING_SEPARATORS = /[\s,，:：;；、]+$/;

/** Trims spaces and separating punctuation at the ends: `：报价偏高，` → `报价偏高`. */
export function trimSeparators(text: string): string {
  return text.replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
}

/**
 * Free text (a note, a reason) or null when nothing is left: each line trimmed, blank lines
 * dropped, separators at the very start and end removed.
 */
export function freeText(text: string): string | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const joined = trimSeparators(lines.join('\n'));
  return joined === '' ? null : joined;
}

/** Whitespace-separated words of a text (across lines), without empty ones. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** Splits on the `;` / `；` people use to put several lines on one. */
export function splitSegments(line: string): string[] {
  return line.split(/[;；]/);
}
