import { DomainError } from '../shared/domain-error.js';
import type { CommandKind } from './command.types.js';
import { COMMAND_USAGE, helpText } from './command.usage.js';
import { commandKindOf } from './command-names.js';

/** A command understood as `kind` but written wrongly: says what, and shows its usage. */
export function commandError(kind: CommandKind, code: string, message: string): DomainError {
  return new DomainError(`command.${code}`, message, { usage: COMMAND_USAGE[kind] });
}

/** Errors shared by several commands; each says what is wrong in Chinese. */
export const commandErrors = {
  tooLong: (kind: CommandKind | null, max: number) =>
    new DomainError('command.too_long', `消息太长了（超过 ${max} 字），请精简后再发。`, {
      usage: kind === null ? helpText(null) : COMMAND_USAGE[kind],
    }),
  /** With a likely command, that one and its usage (the typo was small); else every command. */
  unknown: (name: string, suggestion: string | null) => {
    const what = name === '' ? '请在 / 后面写上命令名。' : `没有 /${clip(name)} 这个命令。`;
    const kind = suggestion === null ? null : commandKindOf(suggestion);
    if (suggestion !== null && kind !== null)
      return new DomainError(
        'command.unknown',
        `${what}你是不是想输入 /${suggestion}？发送 /帮助 可以查看全部命令。`,
        { usage: COMMAND_USAGE[kind] },
      );
    return new DomainError('command.unknown', `${what}发送 /帮助 查看全部命令。`, {
      usage: helpText(null),
    });
  },
  unknownTopic: (topic: string, suggestion: string | null) => {
    const hint = suggestion === null ? '' : `是不是想查 /${suggestion}？`;
    return commandError('help', 'unknown_topic', `没有「${clip(topic)}」这个命令。${hint}`);
  },
  badRef: (kind: CommandKind, written: string) =>
    commandError(
      kind,
      'bad_ref',
      `编号「${clip(written)}」看不懂：任务写成 #12，节点写成 #12.2（从 1 开始）。`,
    ),
  missingRef: (kind: CommandKind) =>
    commandError(kind, 'missing_ref', '请写上任务编号，例如 #12。'),
  nodeRefRequired: (kind: CommandKind, task: number) =>
    commandError(kind, 'missing_node', `请写上节点编号，例如 #${task}.1。`),
  wholeTaskRefRequired: (kind: CommandKind, task: number) =>
    commandError(kind, 'whole_task_ref', `这个命令针对整个任务，请写 #${task}，不要写节点号。`),
  missingReason: (kind: CommandKind, what: string) =>
    commandError(kind, 'missing_reason', `请写明${what}。`),
  missingPeople: (kind: CommandKind, who: string) =>
    commandError(kind, 'missing_person', `请用 @ 写上${who}。`),
  unexpectedText: (kind: CommandKind, text: string) =>
    commandError(kind, 'unexpected_text', `「${clip(text)}」看不懂，这个命令不需要写这些。`),
};

const CLIP_LENGTH = 30;

/** Quotes at most a short piece of what the person wrote. */
export function clip(text: string): string {
  const chars = [...text];
  return chars.length <= CLIP_LENGTH ? text : `${chars.slice(0, CLIP_LENGTH).join('')}…`;
}
