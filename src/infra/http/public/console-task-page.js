// A task's page (`/tasks/:id`, where chat cards link): its card, its timeline and its full log.
import { renderCard } from './card-view.js';
import { $, api, el, formatAt, personName } from './console-dom.js';
import { renderGantt } from './console-gantt.js';
import { taskBadges } from './console-task-rows.js';

const SOURCES = {
  wecom: '企业微信',
  dingtalk: '钉钉',
  sim: '模拟器',
  console: '控制台',
  cli: '命令行',
  system: '系统',
};
const EVENTS = {
  'task.created': '创建任务',
  'task.done': '任务完成',
  'task.cancelled': '任务撤销',
  'task.rejected': '任务驳回结束',
  'task.escalated': '手动升级',
  'task.followers_added': '添加抄送',
  'node.activated': '节点开始',
  'node.reworked': '返工重新开始',
  'node.acknowledged': '确认接收',
  'node.owner_done': '负责人完成',
  'node.owner_approved': '负责人同意',
  'node.owner_rejected': '负责人驳回',
  'node.completed': '节点完成',
  'node.approved': '审批通过',
  'node.rejected': '节点驳回',
  'node.reminded': '到期提醒',
  'node.response_overdue': '响应超时',
  'node.escalated': '超时升级',
  'node.nudged': '催办',
  'node.paused': '挂起',
  'node.resumed': '恢复',
  'node.transferred': '转交',
  'node.sent_back': '退回返工',
  'node.approver_added': '加签',
  'node.extension_requested': '申请延期',
  'node.extension_approved': '批准延期',
  'node.extension_denied': '拒绝延期',
  'node.extension_withdrawn': '撤回延期申请',
};

function eventDetail(event, nodeRefs) {
  const d = event.data ?? {};
  const text = (value) => (typeof value === 'string' ? value : null);
  return [
    event.type === 'node.escalated' && typeof d.level === 'number' ? `第${d.level}级` : null,
    text(d.title),
    typeof d.nodes === 'number' ? `${d.nodes} 个节点` : null,
    text(d.reason) && `原因：${d.reason}`,
    text(d.dueAt) && `截止 ${formatAt(d.dueAt)}`,
    event.type === 'node.sent_back' && text(d.to) ? `退回到 ${nodeRefs.get(d.to) ?? d.to}` : null,
    event.type === 'node.transferred' && text(d.to)
      ? `${personName(d.from)} 转交给 ${personName(d.to)}`
      : null,
    text(d.personId) && personName(d.personId),
    Array.isArray(d.people) ? d.people.map(personName).join('、') : null,
    d.late === true ? '（恢复后补发）' : null,
  ]
    .filter(Boolean)
    .join('；');
}

function eventRow(event, nodeRefs) {
  return el(
    'tr',
    { 'data-type': event.type },
    el('td', {}, el('time', { datetime: event.at }, formatAt(event.at, true))),
    el('td', {}, EVENTS[event.type] ?? event.type),
    el('td', {}, event.node ?? '—'),
    el('td', {}, event.actor?.name ?? '系统'),
    el('td', {}, SOURCES[event.source] ?? event.source),
    el('td', {}, eventDetail(event, nodeRefs)),
  );
}

export async function showTask(id) {
  const detail = await api(`/api/console/tasks/${encodeURIComponent(id)}`);
  const { task } = detail;
  document.title = `#${task.number} ${task.title} · 接力控制台`;
  $('task-title').textContent = `#${task.number} ${task.title}`;
  $('task-meta').replaceChildren(
    ...taskBadges(task),
    ` 发起人 ${task.creator.name} · 创建于 ${formatAt(task.createdAt)}`,
    task.closedAt ? ` · 结束于 ${formatAt(task.closedAt)}` : '',
  );
  $('task-card').replaceChildren(
    renderCard(detail.card, {
      heading: 'h4',
      link: false,
      actions: (actions) =>
        el('p', { class: 'muted' }, `在聊天中可操作：${actions.map((a) => a.label).join('、')}`),
    }),
  );
  // Shown before the chart is drawn: the chart's labels fit the width it gets.
  $('task-view').hidden = false;
  $('gantt').replaceChildren(
    renderGantt(detail.timeline, {
      axis: detail.axis,
      width: $('gantt').clientWidth,
      format: (iso) => formatAt(iso),
      formatExact: (iso) => formatAt(iso, true),
    }),
  );
  $('key-off-day').hidden = detail.axis.offDays.length === 0;
  $('key-event-day').hidden = !detail.axis.eventDay;
  const nodeRefs = new Map(task.nodes.map((n) => [n.id, n.ref]));
  $('event-log').tBodies[0].replaceChildren(...detail.events.map((e) => eventRow(e, nodeRefs)));
}
