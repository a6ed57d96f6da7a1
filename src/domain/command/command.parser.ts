import { DomainError } from '../shared/domain-error.js';
import { commandUsageError } from './command.errors.js';
import type { Command, CommandKind, ParseOutcome, TaskRef } from './command.types.js';
import { closestCommandName, commandKindOf } from './command-names.js';
import {
  extractMentions,
  normalizeCommandText,
  orNull,
  removeMentions,
  takeRef,
} from './command-text.models.js';
import { parseSetup } from './setup-command.parser.js';
import { parseCreateTask, parseMinutes, parseStartFlow } from './task-draft.parser.js';

/** Longer messages are refused outright: no chat command needs them, and parsing stays cheap. */
export const MAX_COMMAND_LENGTH = 4_000;

export interface ParseOptions {
  /** Names the bot is @-mentioned by; a leading mention of one is dropped. */
  readonly botNames: readonly string[];
}

/**
 * Reads a chat message. Returns `not-a-command` for chatter, or the typed command; throws only
 * DomainError, whose Chinese message says what is wrong and whose `usage` shows the right form.
 */
export function parseCommand(raw: string, options: ParseOptions): ParseOutcome {
  if (raw.length > MAX_COMMAND_LENGTH) {
    throw new DomainError(
      'command.too_long',
      `消息太长了（超过 ${MAX_COMMAND_LENGTH} 字），请分几条发送。`,
    );
  }
  const { text, addressed } = stripBotMention(normalizeCommandText(raw).trim(), options.botNames);
  if (!text.startsWith('/')) {
    return addressed
      ? { kind: 'command', command: { kind: 'help', topic: null } }
      : { kind: 'not-a-command' };
  }
  const [firstLine = '', ...moreLines] = text.slice(1).split('\n');
  const name = /^\S*/.exec(firstLine)?.[0] ?? '';
  const kind = commandKindOf(name);
  if (!kind) throw unknownCommand(name);
  const args = firstLine.slice(name.length).trim();
  return { kind: 'command', command: parseArguments(kind, args, moreLines) };
}

function stripBotMention(
  text: string,
  botNames: readonly string[],
): { text: string; addressed: boolean } {
  for (const bot of botNames) {
    const mention = `@${bot.normalize('NFKC')}`;
    if (text.startsWith(mention))
      return { text: text.slice(mention.length).trim(), addressed: true };
  }
  return { text, addressed: false };
}

function unknownCommand(name: string): DomainError {
  const guess = closestCommandName(name);
  const hint = guess ? `是不是想用 /${guess}？` : '';
  return new DomainError(
    'command.unknown',
    `没有 /${name} 这个命令。${hint}发送 /帮助 查看全部命令。`,
  );
}

function parseArguments(kind: CommandKind, args: string, moreLines: readonly string[]): Command {
  switch (kind) {
    case 'create-task':
      return parseCreateTask(args, moreLines);
    case 'minutes':
      return parseMinutes(args, moreLines);
    case 'start-flow':
      return parseStartFlow(args, moreLines);
    case 'setup':
      return parseSetup(args);
    default:
      return parseSimpleCommand(kind, [args, ...moreLines].join('\n').trim());
  }
}

/** Commands of one line: an optional `#ref`, maybe mentions, then free text. */
function parseSimpleCommand(
  kind: Exclude<CommandKind, 'create-task' | 'minutes' | 'start-flow' | 'setup'>,
  body: string,
): Command {
  const { ref, rest } = takeRef(body);
  const text = orNull(rest);
  const need = (value: string | null, what: string): string => {
    if (value === null) throw commandUsageError(kind, 'missing_reason', `请写明${what}。`);
    return value;
  };
  const needTask = (r: TaskRef | null): TaskRef => {
    if (r === null) throw commandUsageError(kind, 'missing_ref', '请写上任务编号，例如 #12。');
    return r;
  };
  switch (kind) {
    case 'status':
      return { kind, ref };
    case 'my':
      return { kind };
    case 'ack':
    case 'resume':
      return { kind, ref };
    case 'nudge':
      return { kind, ref };
    case 'done':
    case 'approve':
      return { kind, ref, note: text };
    case 'reject':
      return { kind, ref, reason: need(text, '驳回原因') };
    case 'pause':
      return { kind, ref, reason: need(text, '挂起原因（在等谁、等什么）') };
    case 'escalate':
      return { kind, ref: needTask(ref), reason: need(text, '升级原因') };
    case 'cancel':
      return { kind, ref: needTask(ref), reason: text };
    case 'sendback':
      return parseSendback(ref, text);
    case 'transfer':
      return parseTransfer(ref, rest);
    case 'addsign':
    case 'cc':
      return parsePeopleCommand(kind, ref, rest);
    case 'extend':
      return parseExtend(ref, text);
    case 'report':
      return { kind, periodText: text };
    case 'help':
      return { kind, topic: text?.replace(/^\//, '') ?? null };
    case 'rate':
      return parseRate(ref, text);
  }
}

function parseSendback(ref: TaskRef | null, text: string | null): Command {
  if (ref?.node == null) {
    throw commandUsageError('sendback', 'missing_node', '请写上要退回到的节点，例如 #12.1。');
  }
  if (text === null) throw commandUsageError('sendback', 'missing_reason', '请写明退回原因。');
  return { kind: 'sendback', ref, reason: text };
}

function parseTransfer(ref: TaskRef | null, rest: string): Command {
  const [to, ...others] = extractMentions(rest);
  if (to === undefined)
    throw commandUsageError('transfer', 'missing_person', '请用 @ 写上接手的人。');
  if (others.length > 0)
    throw commandUsageError('transfer', 'too_many_people', '一次只能转交给一个人。');
  const reason = orNull(removeMentions(rest));
  if (reason === null) throw commandUsageError('transfer', 'missing_reason', '请写明转交原因。');
  return { kind: 'transfer', ref, to, reason };
}

function parsePeopleCommand(kind: 'addsign' | 'cc', ref: TaskRef | null, rest: string): Command {
  const people = extractMentions(rest);
  if (people.length === 0) throw commandUsageError(kind, 'missing_person', '请用 @ 写上人或部门。');
  if (kind === 'addsign') return { kind, ref, people };
  if (ref === null) throw commandUsageError(kind, 'missing_ref', '请写上任务编号，例如 #12。');
  return { kind, ref, people };
}

function parseExtend(ref: TaskRef | null, text: string | null): Command {
  const [deadlineText, ...reason] = (text ?? '').split(' ');
  if (!deadlineText)
    throw commandUsageError('extend', 'missing_deadline', '请写上新的截止时间和原因。');
  const why = orNull(reason.join(' '));
  if (why === null) throw commandUsageError('extend', 'missing_reason', '请写明延期原因。');
  return { kind: 'extend', ref, deadlineText, reason: why };
}

function parseRate(ref: TaskRef | null, text: string | null): Command {
  const [scoreText = '', ...comment] = (text ?? '').split(' ');
  const score = Number(scoreText);
  if (ref === null) throw commandUsageError('rate', 'missing_ref', '请写上任务编号，例如 #12。');
  if (!/^[1-5]$/.test(scoreText))
    throw commandUsageError('rate', 'bad_score', '评分是 1 到 5 的整数。');
  return { kind: 'rate', ref, score, comment: orNull(comment.join(' ')) };
}
