import { DEADLINE_TOPIC_WORDS } from '../deadline/deadline-manual.catalog.js';
import { commandErrors } from './command.errors.js';
import type {
  Command,
  CommandKind,
  NotACommand,
  ParseOptions,
  ParseOutcome,
} from './command.types.js';
import { stripBotMentions } from './command-mention.models.js';
import { commandKindOf, splitCommandName, suggestCommandName } from './command-names.js';
import { normalizeCommandText, wordsOf } from './command-text.models.js';
import { parseDigestSwitch } from './digest-command.parser.js';
import { parseExtend } from './extend-command.parser.js';
import { parseStartFlow } from './flow-command.parser.js';
import { parseMinutes } from './minutes.parser.js';
import { type NodeCommandKind, parseNodeCommand } from './node-command.parser.js';
import { parseAddsign, parseCc, parseTransfer } from './people-command.parser.js';
import { parseRate } from './rate-command.parser.js';
import { parseReport } from './report-command.parser.js';
import { parseSetup } from './setup-command.parser.js';
import { parseCreateTask } from './task-draft.parser.js';

/** Longer messages are refused: no chat command needs them, and parsing stays cheap. */
export const MAX_COMMAND_LENGTH = 4_000;
/** How much of an over-long message is read to tell whether it was meant as a command. */
const SNIFF_LENGTH = 200;
const NOT_A_COMMAND: NotACommand = { kind: 'not-a-command' };

/**
 * Reads a chat message: a slash command (Chinese or English name, full-width input, a leading
 * or trailing @-mention of the bot), chatter not meant for Baton (`not-a-command`), or — when
 * Baton was @-mentioned without a command — a request for help. People and deadlines are kept
 * as written, for the next step to resolve.
 * @throws DomainError (and nothing else) when a command is written wrongly: `userMessage` says
 * what, in Chinese, and `usage` shows how that command is written.
 */
export function parseCommand(text: string, options: ParseOptions = {}): ParseOutcome {
  const botNames = (options.botNames ?? []).map(normalizeCommandText);
  if (text.length > MAX_COMMAND_LENGTH) return refuseLongMessage(text, botNames);
  const { text: message, addressed } = stripBotMentions(normalizeCommandText(text), botNames);
  const body = commandBody(message);
  if (body !== null) return { kind: 'command', command: parseCommandBody(body) };
  if (!addressed) return NOT_A_COMMAND;
  return { kind: 'command', command: { kind: 'help', topic: commandNamedBy(message) } };
}

/**
 * The message after its `/`. Chinese keyboards type `、` for the `/` key, so `、完成 #12` counts
 * too, but only as a known command name standing on its own: chatter may start with `、`.
 */
function commandBody(message: string): string | null {
  if (message.startsWith('/')) return message.slice(1).replace(/^ +/, '');
  if (!message.startsWith('、')) return null;
  const body = message.slice(1).replace(/^ +/, '');
  const { name, rest } = splitCommandName(body);
  const standsAlone = !/^\p{L}/u.test(rest);
  return commandKindOf(name) !== null && standsAlone ? body : null;
}

function commandNamedBy(message: string): CommandKind | null {
  const [word = ''] = wordsOf(message);
  return commandKindOf(word);
}

function refuseLongMessage(text: string, botNames: readonly string[]): NotACommand {
  const head = stripBotMentions(normalizeCommandText(text.slice(0, SNIFF_LENGTH)), botNames);
  const body = commandBody(head.text);
  if (body === null && !head.addressed) return NOT_A_COMMAND;
  throw commandErrors.tooLong(commandKindOf(splitCommandName(body ?? '').name), MAX_COMMAND_LENGTH);
}

function parseCommandBody(body: string): Command {
  const [firstLine = '', ...moreLines] = body.split('\n');
  const { name, rest } = splitCommandName(firstLine);
  const kind = commandKindOf(name);
  if (kind === null) throw commandErrors.unknown(name, suggestCommandName(name));
  return ARGUMENT_PARSERS[kind](rest, moreLines);
}

type ArgumentParser = (rest: string, moreLines: readonly string[]) => Command;

/** For commands that read their arguments as one text, across lines. */
const asOneText =
  (parse: (body: string) => Command): ArgumentParser =>
  (rest, moreLines) =>
    parse([rest, ...moreLines].join('\n'));
const nodeCommand = (kind: NodeCommandKind) => asOneText((body) => parseNodeCommand(kind, body));

const ARGUMENT_PARSERS: Readonly<Record<CommandKind, ArgumentParser>> = {
  'create-task': parseCreateTask,
  minutes: parseMinutes,
  'start-flow': asOneText(parseStartFlow),
  transfer: asOneText(parseTransfer),
  addsign: asOneText(parseAddsign),
  cc: asOneText(parseCc),
  extend: asOneText(parseExtend),
  rate: asOneText(parseRate),
  report: asOneText(parseReport),
  digest: asOneText(parseDigestSwitch),
  setup: asOneText(parseSetup),
  help: asOneText(parseHelp),
  status: nodeCommand('status'),
  my: nodeCommand('my'),
  ack: nodeCommand('ack'),
  done: nodeCommand('done'),
  approve: nodeCommand('approve'),
  reject: nodeCommand('reject'),
  nudge: nodeCommand('nudge'),
  pause: nodeCommand('pause'),
  resume: nodeCommand('resume'),
  sendback: nodeCommand('sendback'),
  escalate: nodeCommand('escalate'),
  cancel: nodeCommand('cancel'),
  'approve-extension': nodeCommand('approve-extension'),
  'deny-extension': nodeCommand('deny-extension'),
};

/**
 * `/帮助`, `/帮助 任务`, `/帮助 /任务`, `/help done`, `/帮助 截止时间`; words after the topic are
 * ignored.
 */
function parseHelp(body: string): Command {
  const [word] = wordsOf(body);
  if (word === undefined) return { kind: 'help', topic: null };
  const { name } = splitCommandName(word.replace(/^[/、]/, ''));
  if (DEADLINE_TOPIC_WORDS.includes(name.toLowerCase())) return { kind: 'help', topic: 'deadline' };
  const topic = commandKindOf(name);
  if (topic === null) throw commandErrors.unknownTopic(word, suggestCommandName(name || word));
  return { kind: 'help', topic };
}
