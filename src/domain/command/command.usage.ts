import { DEADLINE_MANUAL } from '../deadline/deadline-manual.catalog.js';
import type { Template } from '../template/template.schema.js';
import { templateListing } from '../template/template-manual.js';
import type { CommandKind, HelpTopic } from './command.types.js';
import { COMMAND_MANUAL, type CommandManualEntry } from './command-manual.catalog.js';
import { COMMAND_NAMES } from './command-names.js';

const KINDS = Object.keys(COMMAND_MANUAL) as CommandKind[];

/**
 * What errors about a command carry as `usage`: its syntax and examples (every example is
 * checked by a unit test to parse as this command).
 */
export const COMMAND_USAGE: Readonly<Record<CommandKind, string>> = Object.fromEntries(
  KINDS.map((kind) => {
    const entry = COMMAND_MANUAL[kind];
    return [kind, [...syntaxLines(entry), ...entry.examples.map(exampleLines)].join('\n')];
  }),
) as Record<CommandKind, string>;

/**
 * The `/帮助` text: the overview of all commands, one command in detail, or the deadline rules.
 * `templates` are the deployment's SOP templates, listed with `/流程`'s help.
 */
export function helpText(
  topic: HelpTopic | null = null,
  templates: readonly Template[] = [],
): string {
  if (topic === 'deadline') return DEADLINE_MANUAL.join('\n');
  if (topic === null) return overviewText();
  const text = commandHelpText(topic);
  return topic === 'start-flow' ? [text, ...templateListing(templates)].join('\n') : text;
}

function syntaxLines(usage: CommandManualEntry): string[] {
  const [first = '', ...more] = usage.syntax;
  return [`用法：${first}`, ...more.map((line) => `　　　${line}`)];
}

function exampleLines(example: string): string {
  return example.includes('\n') ? `例：\n${example}` : `例：${example}`;
}

function commandHelpText(kind: CommandKind): string {
  const usage = COMMAND_MANUAL[kind];
  const names = COMMAND_NAMES[kind].map((name) => `/${name}`).join('、');
  return [
    `${usage.summary}（${names}）`,
    ...syntaxLines(usage),
    ...usage.notes.map((note) => `· ${note}`),
    ...usage.examples.map(exampleLines),
  ].join('\n');
}

type HelpGroup = 'start' | 'act' | 'follow' | 'other';
const GROUP_TITLES: Readonly<Record<HelpGroup, string>> = {
  start: '【发起】',
  act: '【处理我的节点】',
  follow: '【跟进】',
  other: '【其他】',
};

const GROUP_OF: Readonly<Record<CommandKind, HelpGroup>> = {
  'create-task': 'start',
  'start-flow': 'start',
  minutes: 'start',
  ack: 'act',
  done: 'act',
  approve: 'act',
  reject: 'act',
  transfer: 'act',
  addsign: 'act',
  pause: 'act',
  resume: 'act',
  extend: 'act',
  'approve-extension': 'follow',
  'deny-extension': 'follow',
  status: 'follow',
  my: 'follow',
  nudge: 'follow',
  cc: 'follow',
  sendback: 'follow',
  escalate: 'follow',
  cancel: 'follow',
  rate: 'follow',
  report: 'follow',
  digest: 'other',
  help: 'other',
  setup: 'other',
};

function overviewText(): string {
  const groups = (Object.keys(GROUP_TITLES) as HelpGroup[]).flatMap((group) => [
    GROUP_TITLES[group],
    ...KINDS.filter((kind) => GROUP_OF[kind] === group).map(
      (kind) => `${COMMAND_MANUAL[kind].syntax[0]}　${COMMAND_MANUAL[kind].summary}`,
    ),
  ]);
  return [
    '接力 Baton 的命令（中英文命令名都可以，如 /任务 或 /task）：',
    ...groups,
    '编号：#12 是任务 12，#12.2 是任务 12 的第 2 个节点。不写编号时，命令作用于你唯一的进行中节点。',
    '发送 /帮助 <命令> 查看详细用法和示例，例如 /帮助 任务；/帮助 截止时间 查看截止时间的所有写法。',
  ].join('\n');
}
