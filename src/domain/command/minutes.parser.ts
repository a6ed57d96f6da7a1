import { clip, commandError } from './command.errors.js';
import type { ActionItemDraft, Command } from './command.types.js';
import { findMentions } from './command-mention.models.js';
import { splitSegments } from './command-text.models.js';
import { BULLET, parseNodeLine } from './node-line.parser.js';
import { requireTitle } from './task-title.parser.js';

export const MAX_ACTION_ITEMS = 50;

/**
 * `/纪要 <meeting>` (the title may also stand on the next line), then the minutes: lines led
 * by a bullet (`-`, `*`, `•`, `1.`, `1、`) are action items `事项 @负责人 [截止时间]`, each to
 * become a task of one node; other lines (attendees, decisions) are kept as notes.
 */
export function parseMinutes(firstLine: string, moreLines: readonly string[]): Command {
  const lines = [firstLine, ...moreLines]
    .flatMap(splitSegments)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [titleLine = '', ...rest] = lines;
  const title = requireTitle('minutes', BULLET.test(titleLine) ? '' : titleLine, '会议名称');
  const itemLines = rest.filter((line) => BULLET.test(line));
  const notes = rest.filter((line) => !BULLET.test(line));
  if (itemLines.length === 0) throw noItems(title, notes);
  if (itemLines.length > MAX_ACTION_ITEMS) {
    throw commandError('minutes', 'too_many_items', `一份纪要最多 ${MAX_ACTION_ITEMS} 个行动项。`);
  }
  const items = itemLines.map((line, i): ActionItemDraft => {
    const { parallel: _parallel, ...item } = parseNodeLine(line, {
      kind: 'minutes',
      label: `第 ${i + 1} 项`,
    });
    return item;
  });
  return { kind: 'minutes', title, items, notes };
}

function noItems(title: string, notes: readonly string[]) {
  const unbulleted = notes.some((line) => findMentions(line).length > 0);
  const hint = unbulleted ? '行动项请以 - 开头，' : '';
  return commandError(
    'minutes',
    'no_items',
    `纪要「${clip(title)}」没有行动项：${hint}每项一行，写成「- 事项 @负责人 截止时间」。`,
  );
}
