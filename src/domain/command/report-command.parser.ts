import { clip, commandError } from './command.errors.js';
import type { Command, ReportPeriod } from './command.types.js';
import { freeText, wordsOf } from './command-text.models.js';

const NAMED_PERIODS: Readonly<Record<string, ReportPeriod>> = {
  本周: { kind: 'this-week' },
  这周: { kind: 'this-week' },
  'this week': { kind: 'this-week' },
  上周: { kind: 'last-week' },
  'last week': { kind: 'last-week' },
  本月: { kind: 'this-month' },
  这个月: { kind: 'this-month' },
  'this month': { kind: 'this-month' },
  上月: { kind: 'last-month' },
  上个月: { kind: 'last-month' },
  'last month': { kind: 'last-month' },
};
const RANGE_SEPARATOR = /[~至到—–]/g;

/**
 * `/周报` (this week), `/周报 上周|本月|上月`, or `/周报 <from> <to>` (also `from~to`, `from 至 to`);
 * the dates of a range are kept as written for the next step to resolve.
 */
export function parseReport(body: string): Command {
  const text = freeText(body)?.toLowerCase() ?? '本周';
  const named = NAMED_PERIODS[text];
  if (named) return { kind: 'report', period: named };
  const ends = wordsOf(text.replace(RANGE_SEPARATOR, ' ')).filter((word) => word !== '-');
  const [fromText, toText] = ends;
  if (ends.length === 2 && fromText !== undefined && toText !== undefined) {
    return { kind: 'report', period: { kind: 'range', fromText, toText } };
  }
  throw commandError(
    'report',
    'bad_period',
    `统计时段「${clip(text)}」看不懂：可以写 本周、上周、本月、上月，或开始和结束日期。`,
  );
}
