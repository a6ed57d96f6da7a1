import type { Task, TaskNode } from '../src/domain/task/task.types.js';
import type { Card, CardAction } from './card.types.js';
import type { CardContext } from './card-context.js';
import { stepOf } from './task-card.builder.js';

const TURN_OFF: CardAction = {
  actionId: 'digest.off',
  label: '不再接收每日摘要',
  style: 'default',
  value: {},
  command: '/摘要 关',
};
const TURN_ON: CardAction = {
  actionId: 'digest.on',
  label: '重新开启每日摘要',
  style: 'primary',
  value: {},
  command: '/摘要 开',
};

/** The personal daily digest: the person's open nodes, soonest deadline first (as given). */
export function digestCard(
  items: readonly { task: Task; node: TaskNode }[],
  ctx: CardContext,
  date: string,
): Card {
  return {
    key: `digest-${date}`,
    tone: items.some((i) => i.node.dueAt && i.node.dueAt < ctx.now) ? 'warning' : 'info',
    title: `☀️ 今日待办：${items.length} 项`,
    subtitle: date,
    fields: [],
    steps: items.map(({ task, node }) => ({
      ...stepOf(task, node, ctx),
      title: `${task.title} · ${node.title}`,
    })),
    note: '每个工作日早上发送。处理完请在任务卡片上点按钮，或发送 /完成 #编号。',
    actions: [TURN_OFF],
    link: null,
    mentions: [],
  };
}

/** What the digest switch looks like after a change, with the button to change it back. */
export function digestSwitchCard(enabled: boolean): Card {
  return {
    key: 'digest-switch',
    tone: enabled ? 'success' : 'muted',
    title: enabled ? '每日摘要已开启' : '每日摘要已关闭',
    subtitle: null,
    fields: [],
    steps: [],
    note: enabled
      ? '每个工作日早上会私信你未完成的节点。'
      : '不会再每天私信你待办摘要；到期提醒和升级照常发送。',
    actions: [enabled ? TURN_OFF : TURN_ON],
    link: null,
    mentions: [],
  };
}
