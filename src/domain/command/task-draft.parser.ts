import { clip, commandError } from './command.errors.js';
import type { Command, NodeDraft } from './command.types.js';
import { findMentions } from './command-mention.models.js';
import { splitSegments } from './command-text.models.js';
import { parseNodeLine } from './node-line.parser.js';
import { readTitleLine, requireTitle } from './task-title.parser.js';

export const MAX_NODES = 30;

/**
 * `/任务 <title>` then one node per line (or per `；` segment). A title line that itself names an
 * owner (`/任务 修空调 @张三 明天`) is a task of that single node.
 */
export function parseCreateTask(firstLine: string, moreLines: readonly string[]): Command {
  const [titleSegment = '', ...inline] = splitSegments(firstLine);
  const header = readTitleLine(titleSegment);
  const nodeLines = [...inline, ...moreLines.flatMap(splitSegments)]
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const { title, nodes } =
    findMentions(header.text).length > 0
      ? singleNodeTask(header.text, nodeLines)
      : taskOfLines(header.text, nodeLines);
  return {
    kind: 'create-task',
    title,
    urgent: header.urgent,
    eventDateText: header.eventDateText,
    nodes,
  };
}

function singleNodeTask(titleLine: string, nodeLines: readonly string[]) {
  if (nodeLines.length > 0) {
    throw commandError(
      'create-task',
      'title_with_owner',
      '标题行不要写 @负责人：负责人写在下面各个节点的行里。',
    );
  }
  const node = parseNodeLine(titleLine, { kind: 'create-task', label: '任务' });
  const title = requireTitle('create-task', node.title, '任务标题');
  return { title, nodes: [{ ...node, parallel: false }] };
}

function taskOfLines(titleText: string, nodeLines: readonly string[]) {
  const title = requireTitle('create-task', titleText, '任务标题');
  return { title, nodes: parseNodes(title, nodeLines) };
}

function parseNodes(title: string, lines: readonly string[]): NodeDraft[] {
  if (lines.length === 0) {
    throw commandError(
      'create-task',
      'no_nodes',
      `任务「${clip(title)}」还没有节点：换行后每行写一个节点，如「协调供应商 @张三 明天18:00」。`,
    );
  }
  if (lines.length > MAX_NODES) {
    throw commandError('create-task', 'too_many_nodes', `一个任务最多 ${MAX_NODES} 个节点。`);
  }
  const nodes = lines.map((line, i) =>
    parseNodeLine(line, { kind: 'create-task', label: `第 ${i + 1} 个节点` }),
  );
  if (nodes[0]?.parallel) {
    throw commandError(
      'create-task',
      'parallel_first',
      '第 1 个节点前不能写 +：+ 表示与上一个节点同时进行。',
    );
  }
  return nodes;
}
