import type { CommandKind } from './command.types.js';
import { startsLike } from './homophones.models.js';

/**
 * Every name a command answers to: the Chinese name first (the one shown in cards and help),
 * then aliases and the English name. English names are case-insensitive.
 */
export const COMMAND_NAMES: Readonly<Record<CommandKind, readonly [string, ...string[]]>> = {
  'create-task': ['任务', '新建', 'task', 'new'],
  'start-flow': ['流程', 'flow'],
  minutes: ['纪要', 'minutes'],
  status: ['进度', 'status'],
  my: ['我的', '我的任务', 'my'],
  ack: ['收到', 'ack'],
  done: ['完成', 'done'],
  approve: ['同意', 'approve'],
  reject: ['驳回', 'reject'],
  nudge: ['催办', 'nudge'],
  transfer: ['转交', 'transfer'],
  sendback: ['退回', 'sendback'],
  addsign: ['加签', 'addsign'],
  cc: ['抄送', 'cc'],
  pause: ['挂起', 'pause'],
  resume: ['恢复', 'resume'],
  extend: ['延期', 'extend'],
  'approve-extension': ['批准延期', '同意延期', 'extendok'],
  'deny-extension': ['拒绝延期', '不同意延期', 'extendno'],
  escalate: ['升级', 'escalate'],
  cancel: ['撤销', 'cancel'],
  report: ['周报', 'report'],
  digest: ['摘要', 'digest'],
  help: ['帮助', 'help'],
  setup: ['设置', 'setup'],
  rate: ['评分', 'rate'],
};

/**
 * Words people reach for that are not command names: they are only ever suggested, never run,
 * so `/取消` does not cancel anything by accident.
 */
const LOOKALIKES: Readonly<Record<string, CommandKind>> = {
  新任务: 'create-task',
  创建: 'create-task',
  模板: 'start-flow',
  会议: 'minutes',
  会议纪要: 'minutes',
  状态: 'status',
  查询: 'status',
  查看: 'status',
  确认: 'ack',
  通过: 'approve',
  批准: 'approve',
  拒绝: 'reject',
  不同意: 'reject',
  提醒: 'nudge',
  转办: 'transfer',
  移交: 'transfer',
  打回: 'sendback',
  暂停: 'pause',
  继续: 'resume',
  延长: 'extend',
  取消: 'cancel',
  删除: 'cancel',
  统计: 'report',
  报表: 'report',
  评价: 'rate',
  每日摘要: 'digest',
  待办: 'digest',
};

const KIND_BY_NAME = new Map<string, CommandKind>(
  Object.entries(COMMAND_NAMES).flatMap(([kind, names]) =>
    names.map((name) => [name.toLowerCase(), kind as CommandKind] as const),
  ),
);
/** Longest first, so `/我的任务` is not read as `/我的` followed by `任务`. */
const CJK_NAMES = [...KIND_BY_NAME.keys()]
  .filter((name) => !/^[a-z]/.test(name))
  .sort((a, b) => b.length - a.length);

/** The command a name stands for, or null. */
export function commandKindOf(name: string): CommandKind | null {
  return KIND_BY_NAME.get(name.toLowerCase()) ?? null;
}

/** The Chinese name of a command, as shown to people. */
export function primaryName(kind: CommandKind): string {
  return COMMAND_NAMES[kind][0];
}

/**
 * Splits `完成 #12.1` or `完成#12.1` (no space: Chinese does not need one) into the command name
 * and the rest. English names run to the first non-letter; Chinese names are matched as the
 * longest known prefix. An unknown name is returned up to the first space, for the error.
 */
export function splitCommandName(text: string): { name: string; rest: string } {
  const latin = /^[a-z]+/i.exec(text);
  const cjk = latin ? undefined : CJK_NAMES.find((name) => text.startsWith(name));
  const name = latin?.[0] ?? cjk ?? /^[^\s@#]*/.exec(text)?.[0] ?? '';
  return { name, rest: text.slice(name.length) };
}

const MAX_SUGGESTION_DISTANCE = 2;

/**
 * The Chinese or English name closest to a mistyped one, for "did you mean", or null: a word
 * people reach for (`/取消`), then a Chinese name it sounds like (`/人物`: a pinyin keyboard's
 * wrong pick, whose characters an edit distance finds nothing in common with), then the name
 * fewest edits away (`/stauts`, `/任物`).
 */
export function suggestCommandName(name: string): string | null {
  const lower = name.toLowerCase().slice(0, 20);
  const lookalike = Object.keys(LOOKALIKES)
    .filter((word) => lower.startsWith(word))
    .sort((a, b) => b.length - a.length)[0];
  if (lookalike !== undefined) return primaryName(LOOKALIKES[lookalike] as CommandKind);
  const soundalike = CJK_NAMES.find((candidate) => startsLike(lower, candidate));
  if (soundalike !== undefined && soundalike !== lower) return soundalike;
  let best: { name: string; distance: number } | null = null;
  for (const candidate of KIND_BY_NAME.keys()) {
    const distance = editDistance(lower, candidate);
    const plausible = distance <= MAX_SUGGESTION_DISTANCE && distance < candidate.length;
    if (plausible && (best === null || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

/** Levenshtein distance over UTF-16 units (command names are in the BMP). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
