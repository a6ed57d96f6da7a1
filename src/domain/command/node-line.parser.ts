import { clip, commandError } from './command.errors.js';
import type { CommandKind, NodeDraft, NodeKind, SignMode } from './command.types.js';
import { findMentions, removeMentions } from './command-mention.models.js';
import { trimSeparators, wordsOf } from './command-text.models.js';

/** `-`, `*`, `•`, `1.`, `1、`, `1)` at the start of a line; `3.5寸` is no bullet. */
export const BULLET = /^(?:[-*•·]|\d{1,2}(?:[、)）]|\.(?!\d)))\s*/;
/** Keywords after the owners, optionally bracketed: `审批`, `[会签]`, `（或签）`. */
const KEYWORD = /[[(（【]?\s*(审批|会签|或签)\s*[\])）】]?/g;
const TITLE_END = /[\s\-—–:：,，]+$/;

/** How errors name the line: `第 2 个节点` in a task, `第 2 项` in minutes. */
export interface LinePosition {
  readonly kind: CommandKind;
  readonly label: string;
}

/**
 * `[+] <title> @owner [@owner…] [deadline] [审批] [会签|或签]`, optionally led by a list bullet.
 * The title is the text before the first mention; the deadline is what remains after the
 * owners and keywords are taken out, kept as written.
 * @throws DomainError naming the line when it has no owner or no title.
 */
export function parseNodeLine(line: string, at: LinePosition): NodeDraft {
  const unbulleted = line.trim().replace(BULLET, '');
  const parallel = unbulleted.startsWith('+');
  const body = (parallel ? unbulleted.slice(1) : unbulleted).trim();
  const [first] = findMentions(body);
  if (first === undefined) {
    throw commandError(
      at.kind,
      'node_without_owner',
      `${at.label}「${clip(body)}」没有负责人：请在名称后面用 @ 写上负责人或部门。`,
    );
  }
  const title = trimSeparators(body.slice(0, first.index)).replace(TITLE_END, '');
  if (title === '') {
    throw commandError(
      at.kind,
      'node_without_title',
      `${at.label}「${clip(body)}」没有名称：先写名称，再写 @负责人。`,
    );
  }
  const after = removeMentions(body.slice(first.index));
  const { kind, signMode } = readKeywords(after, at);
  return {
    title,
    owners: [...new Set(findMentions(body).map((m) => m.name))],
    signMode,
    kind,
    parallel,
    deadlineText: deadlineOf(after),
  };
}

function readKeywords(text: string, at: LinePosition): { kind: NodeKind; signMode: SignMode } {
  const keywords = new Set([...text.matchAll(KEYWORD)].map((m) => m[1]));
  if (keywords.has('会签') && keywords.has('或签')) {
    throw commandError(at.kind, 'sign_mode_conflict', `${at.label}不能同时写「会签」和「或签」。`);
  }
  return {
    kind: keywords.has('审批') ? 'approval' : 'action',
    signMode: keywords.has('或签') ? 'any' : 'all',
  };
}

function deadlineOf(text: string): string | null {
  const words = wordsOf(text.replace(KEYWORD, ' '))
    .map(trimSeparators)
    .filter((word) => word !== '');
  return words.length === 0 ? null : words.join(' ');
}
