import { commandError, commandErrors } from './command.errors.js';
import type { Command } from './command.types.js';
import { takeRef } from './command-ref.parser.js';
import { freeText } from './command-text.models.js';

/** Where the deadline ends when the person separated it from the reason. */
const EXPLICIT_SEPARATOR = /[,，\n]/;
const DAY_PART = '(?:上午|下午|晚上|中午|早上|凌晨|傍晚)';
/** Words that continue a deadline: `明天 18:00`, `周五 下午3点`, `11月30日 15:00前`. */
const TIME_CONTINUATION = new RegExp(
  `^(?:${DAY_PART}?\\d{1,2}(?::\\d{2}|点(?:半|\\d{1,2}分?)?)(?:前|之前|以前)?|${DAY_PART}|前|之前|以前)$`,
);

/**
 * `/延期 [#12.2] <新截止时间> <原因>`. The deadline is kept as written: everything before the
 * first comma or line break, or else the first word together with any time-of-day words that
 * follow it (`明天 18:00 等报价` → `明天 18:00`).
 */
export function parseExtend(body: string): Command {
  const { ref, rest } = takeRef('extend', body);
  const { deadline, reason } = splitDeadline(rest.trim());
  const deadlineText = freeText(deadline);
  if (deadlineText === null) {
    throw commandError('extend', 'missing_deadline', '请写上新的截止时间和延期原因。');
  }
  const why = freeText(reason);
  if (why === null) throw commandErrors.missingReason('extend', '延期原因');
  return { kind: 'extend', ref, deadlineText, reason: why };
}

function splitDeadline(text: string): { deadline: string; reason: string } {
  const separator = EXPLICIT_SEPARATOR.exec(text);
  if (separator) {
    return { deadline: text.slice(0, separator.index), reason: text.slice(separator.index + 1) };
  }
  const [first = '', ...words] = text.split(' ');
  const continued = words.findIndex((word) => !TIME_CONTINUATION.test(word));
  const taken = continued < 0 ? words.length : continued;
  return {
    deadline: [first, ...words.slice(0, taken)].join(' '),
    reason: words.slice(taken).join(' '),
  };
}
