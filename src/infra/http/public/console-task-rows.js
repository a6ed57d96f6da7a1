// A task as the list and the task page show it: its badges and its nodes.
import { badge, el, formatAt } from './console-dom.js';

const TASK_STATUS = { open: '进行中', done: '已完成', cancelled: '已撤销', rejected: '已驳回' };

export function taskBadges(task) {
  const badges = [
    badge(TASK_STATUS[task.status], task.status === 'open' ? 'active' : task.status),
    task.priority === 'urgent' ? badge('紧急', 'late') : null,
    task.late ? badge('已超时', 'late') : null,
    task.escalated
      ? badge(task.escalationLevel > 0 ? `已升级 ${task.escalationLevel} 级` : '已升级', 'warn')
      : null,
    task.template ? badge(task.template.name, 'plain') : null,
  ];
  return badges.filter(Boolean);
}

function nodeItem(node) {
  return el(
    'li',
    { class: node.late ? 'late' : null },
    el('span', { class: 'ref' }, node.ref),
    ` ${node.title}${node.kind === 'approval' ? '（审批）' : ''} · `,
    node.owners.map((o) => `${o.name}${o.decision ? '✓' : ''}`).join('、'),
    node.department ? ` · ${node.department.name}` : '',
    node.deadlineText ? ` · 截止 ${node.deadlineText}` : '',
    ' ',
    badge(node.stateText, node.state),
  );
}

export function taskItem(task) {
  return el(
    'article',
    { class: 'task', 'data-task': task.id },
    el('h3', {}, el('a', { href: task.path }, `#${task.number} ${task.title}`)),
    el(
      'p',
      { class: 'badges' },
      taskBadges(task),
      el(
        'span',
        {
          class: 'progress',
          title: `已完成 ${task.progress.done} 个节点，共 ${task.progress.total} 个`,
        },
        `进度 ${task.progress.done}/${task.progress.total}`,
      ),
    ),
    el('p', { class: 'muted' }, `发起人 ${task.creator.name} · 创建于 ${formatAt(task.createdAt)}`),
    el('ol', { class: 'nodes', 'aria-label': `#${task.number} 的节点` }, task.nodes.map(nodeItem)),
  );
}
