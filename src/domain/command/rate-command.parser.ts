import { commandError } from './command.errors.js';
import type { Command, RatingScore } from './command.types.js';
import { requireWholeTaskRef, takeRef } from './command-ref.parser.js';
import { freeText } from './command-text.models.js';

/** `5`, `5分`, `5 星`, followed by the comment; `55` or `4.5` are no score. */
const SCORE = /^([1-5])(?![\d.])(?:\s*[分星])?(.*)$/s;

/**
 * `/评分 #12 <1-5> [评价]`. Two leading numbers (`/评分 12 5`) are task and score; a single one
 * (`/评分 5`) is the score, and the task is missing.
 */
export function parseRate(body: string): Command {
  const trimmed = body.trim();
  const bareTask = /^\d+\s+\d/.test(trimmed);
  const { ref, rest } =
    !bareTask && /^\d/.test(trimmed)
      ? { ref: null, rest: trimmed }
      : takeRef('rate', bareTask ? `#${trimmed}` : trimmed);
  const task = requireWholeTaskRef('rate', ref);
  const score = SCORE.exec(rest.trim());
  if (!score) throw commandError('rate', 'bad_score', '请写上 1 到 5 的整数评分，5 分最满意。');
  return {
    kind: 'rate',
    ref: task,
    score: Number(score[1]) as RatingScore,
    comment: freeText(score[2] ?? ''),
  };
}
