import { assertExhaustive } from '../shared/assert-exhaustive.js';
import type {
  Command,
  HelpTopic,
  NodeDraft,
  ReportPeriod,
  SetupAction,
  TaskRef,
} from './command.types.js';
import { primaryName } from './command-names.js';
import { formatRef } from './command-ref.parser.js';

/**
 * The canonical Chinese text of a command, as Baton echoes it ("已收到：/任务 …"). Parsing the
 * text gives the command back for every command the parser can produce from free text that
 * does not itself look like syntax (a note starting with `#12`, a deadline holding a comma).
 */
export function formatCommand(command: Command): string {
  const name = `/${primaryName(command.kind)}`;
  switch (command.kind) {
    case 'create-task':
      return [
        line(
          name,
          command.urgent ? `【紧急】${command.title}` : command.title,
          eventField(command),
        ),
        ...command.nodes.map(formatNodeLine),
      ].join('\n');
    case 'minutes':
      return [
        line(name, command.title),
        ...command.notes,
        ...command.items.map((item) => `- ${formatNodeLine({ ...item, parallel: false })}`),
      ].join('\n');
    default:
      return line(name, ...oneLineArguments(command));
  }
}

type OneLineCommand = Exclude<Command, { kind: 'create-task' | 'minutes' }>;

function oneLineArguments(command: OneLineCommand): Array<string | null> {
  switch (command.kind) {
    case 'start-flow':
      return [command.template, command.urgent ? '紧急' : null, ...fieldsOf(command.fields)];
    case 'my':
      return [];
    case 'status':
      return [ref(command.ref)];
    case 'ack':
    case 'done':
    case 'approve':
    case 'nudge':
    case 'resume':
      return [ref(command.ref), command.note];
    case 'reject':
    case 'pause':
    case 'sendback':
    case 'escalate':
    case 'cancel':
    case 'deny-extension':
      return [ref(command.ref), command.reason];
    case 'approve-extension':
      return [ref(command.ref)];
    case 'transfer':
      return [ref(command.ref), `@${command.to}`, command.reason];
    case 'addsign':
    case 'cc':
      return [ref(command.ref), mentions(command.people), command.note];
    case 'extend':
      return [ref(command.ref), `${command.deadlineText}，${command.reason}`];
    case 'report':
      return [formatPeriod(command.period)];
    case 'digest':
      return [command.enabled ? '开' : '关'];
    case 'help':
      return [helpTopicName(command.topic)];
    case 'setup':
      return [formatSetup(command.action)];
    case 'rate':
      return [ref(command.ref), String(command.score), command.comment];
    default:
      return assertExhaustive(command);
  }
}

/** One node line: `[+ ]<title> @owner… [deadline] [审批] [或签]`. */
function formatNodeLine(node: NodeDraft): string {
  return line(
    node.parallel ? '+' : null,
    node.title,
    mentions(node.owners),
    node.deadlineText,
    node.kind === 'approval' ? '审批' : null,
    node.signMode === 'any' ? '或签' : null,
  );
}

function line(...parts: ReadonlyArray<string | null>): string {
  return parts.filter((part) => part !== null && part !== '').join(' ');
}

function fieldsOf(fields: Readonly<Record<string, string>>): string[] {
  return Object.entries(fields).map(([key, value]) => `${key}=${quoted(value)}`);
}

function ref(value: TaskRef | null): string | null {
  return value === null ? null : formatRef(value);
}

function mentions(names: readonly string[]): string {
  return names.map((name) => `@${name}`).join(' ');
}

function eventField(command: { readonly eventDateText: string | null }): string | null {
  return command.eventDateText === null ? null : `活动日期=${quoted(command.eventDateText)}`;
}

/** Values holding spaces or separators are quoted; `「」` when they hold a `"`. */
function quoted(value: string): string {
  if (/^[^\s=,，;；"“”「」]+$/.test(value)) return value;
  return value.includes('"') ? `「${value}」` : `"${value}"`;
}

function formatPeriod(period: ReportPeriod): string {
  switch (period.kind) {
    case 'this-week':
      return '本周';
    case 'last-week':
      return '上周';
    case 'this-month':
      return '本月';
    case 'last-month':
      return '上月';
    case 'range':
      return `${period.fromText} ${period.toText}`;
    default:
      return assertExhaustive(period);
  }
}

function formatSetup(action: SetupAction): string | null {
  switch (action.kind) {
    case 'show':
      return null;
    case 'coordination-chat':
      return '协调群';
    case 'liaison':
      return `联络员 @${action.person} ${action.department}`;
    case 'coordinators':
      return `协调人 ${mentions(action.people)}`;
    case 'leader':
      return line('领导', `@${action.person}`, action.department);
    default:
      return assertExhaustive(action);
  }
}

function helpTopicName(topic: HelpTopic | null): string | null {
  if (topic === null) return null;
  return topic === 'deadline' ? '截止时间' : primaryName(topic);
}
