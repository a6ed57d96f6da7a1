import { commandUsageError } from './command.errors.js';
import type { ActionItemDraft, Command, NodeDraft } from './command.types.js';
import { extractMentions, orNull, removeMentions } from './command-text.models.js';

const URGENT = /(?:【紧急】|\[urgent\]|\burgent\b|紧急|加急)/i;
const URGENT_ALL = new RegExp(URGENT.source, 'gi');
const EVENT_DATE = /(?:活动日期|活动|event)\s*[=:]\s*(\S+)/i;
const APPROVAL_WORDS = new Set(['审批', 'approval', 'approve']);
const SIGN_WORDS: Record<string, 'all' | 'any'> = {
  会签: 'all',
  或签: 'any',
  all: 'all',
  any: 'any',
};
const MAX_NODES = 30;

/** `/任务`: the first line is the title, each further line (or `；` segment) a node. */
export function parseCreateTask(firstLine: string, moreLines: readonly string[]): Command {
  const [titlePart = '', ...inlineNodes] = firstLine.split(';');
  const nodeLines = [...inlineNodes, ...moreLines].map((l) => l.trim()).filter((l) => l !== '');
  const eventDateText = EVENT_DATE.exec(titlePart)?.[1] ?? null;
  const urgent = URGENT.test(titlePart);
  const title = titlePart
    .replace(EVENT_DATE, ' ')
    .replace(URGENT_ALL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (title === '') {
    throw commandUsageError('create-task', 'missing_title', '请在 /任务 后面写上任务标题。');
  }
  if (nodeLines.length === 0) {
    throw commandUsageError(
      'create-task',
      'no_nodes',
      `任务「${title}」还没有节点：每行写一个节点和负责人。`,
    );
  }
  if (nodeLines.length > MAX_NODES) {
    throw commandUsageError('create-task', 'too_many_nodes', `一个任务最多 ${MAX_NODES} 个节点。`);
  }
  const nodes = nodeLines.map(parseNodeLine);
  if (nodes[0]?.parallel) {
    throw commandUsageError(
      'create-task',
      'parallel_first',
      '第一个节点前不能写 +：+ 表示与上一个节点并行。',
    );
  }
  return { kind: 'create-task', title, urgent, eventDateText, nodes };
}

/** `<title> @owner [@owner…] <deadline> [审批] [会签|或签]`, optionally led by `+`. */
export function parseNodeLine(line: string): NodeDraft {
  const parallel = line.startsWith('+');
  const body = (parallel ? line.slice(1) : line).trim();
  const at = body.indexOf('@');
  const title = (at < 0 ? body : body.slice(0, at)).trim();
  const owners = extractMentions(body);
  if (at < 0 || owners.length === 0) {
    throw commandUsageError(
      'create-task',
      'node_without_owner',
      `节点「${body}」没有负责人：请用 @ 写上负责人或部门。`,
    );
  }
  if (title === '') {
    throw commandUsageError(
      'create-task',
      'node_without_title',
      `节点「${body}」没有名称：先写节点名称，再写 @负责人。`,
    );
  }
  let kind: NodeDraft['kind'] = 'action';
  let signMode: NodeDraft['signMode'] = 'all';
  const rest: string[] = [];
  for (const raw of removeMentions(body.slice(at)).split(' ')) {
    const word = raw.replace(/^[,、]+|[,、]+$/g, '');
    const lower = word.toLowerCase();
    if (APPROVAL_WORDS.has(lower)) kind = 'approval';
    else if (lower in SIGN_WORDS) signMode = SIGN_WORDS[lower] as 'all' | 'any';
    else if (word !== '') rest.push(word);
  }
  return { title, owners, signMode, kind, parallel, deadlineText: orNull(rest.join(' ')) };
}

const ITEM_BULLET = /^(?:[-*•·]|\d{1,2}[.、)）])\s*/;

/** `/纪要 <meeting>` then one action item per line: each becomes a task with one node. */
export function parseMinutes(firstLine: string, moreLines: readonly string[]): Command {
  const title = firstLine.trim();
  if (title === '') {
    throw commandUsageError('minutes', 'missing_title', '请在 /纪要 后面写上会议名称。');
  }
  const lines = moreLines.map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) {
    throw commandUsageError(
      'minutes',
      'no_items',
      `纪要「${title}」没有事项：每行写一项，格式为「- 事项 @负责人 截止时间」。`,
    );
  }
  const items: ActionItemDraft[] = lines.map((line) => {
    const node = parseNodeLine(line.replace(ITEM_BULLET, ''));
    return { title: node.title, owners: node.owners, deadlineText: node.deadlineText };
  });
  return { kind: 'minutes', title, items };
}

const FIELD = /([^\s=]+)\s*=\s*(?:"([^"]*)"|“([^”]*)”|(\S+))/g;

/** `/流程 <template> key=value …` (values may be quoted to hold spaces). */
export function parseStartFlow(args: string, moreLines: readonly string[]): Command {
  const text = [args, ...moreLines].join(' ').replace(/(?<=[^\d\s]):(?=\S)/g, '=');
  const template = text.trim().split(' ')[0] ?? '';
  if (template === '' || template.includes('=')) {
    throw commandUsageError(
      'start-flow',
      'missing_template',
      '请写上流程模板的名称，例如：采购、活动筹备、设备维修、突发事件。',
    );
  }
  const fields: Record<string, string> = {};
  for (const m of text.slice(template.length).matchAll(FIELD)) {
    fields[m[1] as string] = (m[2] ?? m[3] ?? m[4] ?? '').trim();
  }
  return { kind: 'start-flow', template, fields };
}
