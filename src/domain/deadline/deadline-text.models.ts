/** Number words as people type them: `3`, `1.5`, `三`, `两`, `十二`, `二十`. */
export const NUMBER_SOURCE = String.raw`\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+`;

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100 };

const LEADING_FILLER = /^(?:截止到|截止至|截止|截至|最晚|最迟|不晚于|在|于)\s*/;

/** Drops the words people put before a deadline: `截止到月底` → `月底`, `最晚周五` → `周五`. */
export function stripLeadingFiller(text: string): string {
  return text.replace(LEADING_FILLER, '');
}

/**
 * Folds the ways people type a deadline into one form: full-width letters, digits and
 * punctuation become ASCII (`１８：００` → `18:00`), letters lower-case, runs of spaces one
 * space, trailing sentence punctuation dropped.
 */
export function normalizeDeadlineText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。.!?,;]+$/, '')
    .trim();
}

/**
 * The value of a number word matched by {@link NUMBER_SOURCE} (`十二` → 12, `两` → 2,
 * `一百零五` → 105), or `null` when the characters do not form a number (`三三`, `十十`).
 */
export function parseNumberWord(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const char of text) {
    const digit = DIGIT_VALUES[char];
    const unit = UNIT_VALUES[char];
    if (digit !== undefined) {
      if (pending !== null && pending !== 0) return null;
      pending = digit;
    } else if (unit !== undefined && unit < lastUnit) {
      total += (pending ?? 1) * unit;
      pending = null;
      lastUnit = unit;
    } else {
      return null;
    }
  }
  return text === '' ? null : total + (pending ?? 0);
}
