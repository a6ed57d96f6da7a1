import { commandErrors } from './command.errors.js';
import type { CommandKind, NodeRef, TaskRef, WholeTaskRef } from './command.types.js';

const MAX_TASK_DIGITS = 9;
const MAX_NODE_DIGITS = 3;
/** `#12`, `#12.2`, `任务12`, `任务#12.2`, possibly followed by glued text (`#12.1已联系`). */
const MARKED_REF = /^(?:#|任务#?(?=\d))(\d*)(?:\.(\d+))?(.*)$/;
const BARE_NODE_REF = /^(\d+)\.(\d+)$/;
const BARE_TASK_REF = /^\d+$/;
/** Glued text may follow a reference, but not what would make it another number. */
const BAD_AFTER_REF = /^[\w.#/-]/;
const LEADING_MENTION = /^@[^\s@]*$/;

/** The reference of a command, and the text around it. */
export interface RefSplit {
  readonly ref: TaskRef | null;
  readonly rest: string;
}

/**
 * Takes the reference written first after the command name (leading @mentions may come
 * before it): `#12`, `#12.2`, `任务12` or a bare `12.2`; a bare `12` only when nothing follows,
 * so a note such as `2 台已送到` is never read as task 2. A later `#11` stays in the text.
 * @throws DomainError `command.bad_ref` when the first word starts with `#` but is no reference.
 */
export function takeRef(kind: CommandKind, body: string): RefSplit {
  const token = firstNonMentionWord(body);
  if (token === null) return { ref: null, rest: body };
  const marked = MARKED_REF.exec(token.word);
  let ref: TaskRef | null = null;
  let glued = '';
  if (marked) {
    glued = marked[3] ?? '';
    ref = BAD_AFTER_REF.test(glued) ? null : toRef(marked[1] ?? '', marked[2]);
    if (ref === null) throw commandErrors.badRef(kind, token.word);
  } else {
    const bareNode = BARE_NODE_REF.exec(token.word);
    const isLast = body.slice(token.end).trim() === '';
    if (bareNode) ref = toRef(bareNode[1] ?? '', bareNode[2]);
    else if (isLast && BARE_TASK_REF.test(token.word)) ref = toRef(token.word, undefined);
    if (ref === null) return { ref: null, rest: body };
  }
  const rest = `${body.slice(0, token.start)}${glued} ${body.slice(token.end)}`;
  return { ref, rest: rest.replace(/ {2,}/g, ' ').trim() };
}

function firstNonMentionWord(body: string): { word: string; start: number; end: number } | null {
  for (const match of body.matchAll(/\S+/g)) {
    if (LEADING_MENTION.test(match[0])) continue;
    return { word: match[0], start: match.index, end: match.index + match[0].length };
  }
  return null;
}

function toRef(taskDigits: string, nodeDigits: string | undefined): TaskRef | null {
  if (taskDigits === '' || taskDigits.length > MAX_TASK_DIGITS) return null;
  const task = Number(taskDigits);
  if (task === 0) return null;
  if (nodeDigits === undefined) return { task, node: null };
  const node = Number(nodeDigits);
  if (nodeDigits.length > MAX_NODE_DIGITS || node === 0) return null;
  return { task, node };
}

/** The reference, which this command cannot do without. */
export function requireRef(kind: CommandKind, ref: TaskRef | null): TaskRef {
  if (ref === null) throw commandErrors.missingRef(kind);
  return ref;
}

/** A reference to one node (`#12.1`). */
export function requireNodeRef(kind: CommandKind, ref: TaskRef | null): NodeRef {
  const node = requireRef(kind, ref);
  if (node.node === null) throw commandErrors.nodeRefRequired(kind, node.task);
  return { task: node.task, node: node.node };
}

/** A reference to a whole task (`#12`, not `#12.2`). */
export function requireWholeTaskRef(kind: CommandKind, ref: TaskRef | null): WholeTaskRef {
  const task = requireRef(kind, ref);
  if (task.node !== null) throw commandErrors.wholeTaskRefRequired(kind, task.task);
  return { task: task.task, node: null };
}

/** `#12` or `#12.2`, as people write it. */
export function formatRef(ref: TaskRef): string {
  return ref.node === null ? `#${ref.task}` : `#${ref.task}.${ref.node}`;
}
