import type { CommandKind } from './command.types.js';

/** Every name a command answers to, Chinese and English (English is case-insensitive). */
export const COMMAND_NAMES: Readonly<Record<CommandKind, readonly string[]>> = {
  'create-task': ['任务', '新建', 'task', 'new'],
  'start-flow': ['流程', 'flow'],
  minutes: ['纪要', 'minutes'],
  status: ['进度', 'status'],
  my: ['我的', 'my'],
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
  escalate: ['升级', 'escalate'],
  cancel: ['撤销', 'cancel'],
  report: ['周报', 'report'],
  help: ['帮助', 'help'],
  setup: ['设置', 'setup'],
  rate: ['评分', 'rate'],
};

const BY_NAME = new Map<string, CommandKind>(
  Object.entries(COMMAND_NAMES).flatMap(([kind, names]) =>
    names.map((n) => [n.toLowerCase(), kind as CommandKind] as const),
  ),
);

export function commandKindOf(name: string): CommandKind | null {
  return BY_NAME.get(name.toLowerCase()) ?? null;
}

/** The command name closest to a mistyped one (edit distance ≤ 2), for "did you mean". */
export function closestCommandName(name: string): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const candidate of BY_NAME.keys()) {
    const distance = editDistance(name.toLowerCase(), candidate);
    if (distance <= 2 && distance < candidate.length && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name ?? null;
}

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
