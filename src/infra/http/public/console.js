// The console: the task list with filters (`/`), a task with its card, timeline and log
// (`/tasks/:id`, where chat cards link), and who holds what per department (`/departments`).
// It only reads: every change happens in chat, through the engine.
import { renderGantt } from './console-gantt.js';

const $ = (id) => document.getElementById(id);
const state = { meta: null, time: null, timeSeconds: null };
const REFRESH_MS = 30_000;

const TASK_STATUS = { open: '进行中', done: '已完成', cancelled: '已撤销', rejected: '已驳回' };
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

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  // The cookie ran out or was never set: the page itself shows the token form.
  if (res.status === 401) {
    location.reload();
    throw new Error('需要管理令牌');
  }
  if (res.status === 404) throw new Error('找不到这项内容，链接可能有误或任务已删除');
  if (!res.ok) throw new Error(`服务器暂时无法回答（${res.status}），请稍后刷新`);
  return res.json();
}

const formatAt = (iso, seconds = false) =>
  iso ? (seconds ? state.timeSeconds : state.time).format(new Date(iso)) : '—';
const personName = (id) => state.meta.people.find((p) => p.id === id)?.name ?? id;

function badge(text, kind) {
  return el('span', { class: `state ${kind}` }, text);
}

function taskBadges(task) {
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

function taskItem(task) {
  return el(
    'article',
    { class: 'task', 'data-task': task.id },
    el('h3', {}, el('a', { href: task.path }, `#${task.number} ${task.title}`)),
    el('p', { class: 'badges' }, taskBadges(task)),
    el('p', { class: 'muted' }, `发起人 ${task.creator.name} · 创建于 ${formatAt(task.createdAt)}`),
    el('ol', { class: 'nodes', 'aria-label': `#${task.number} 的节点` }, task.nodes.map(nodeItem)),
  );
}

// --- task list ---------------------------------------------------------------------------

const FILTERS = ['status', 'department', 'person', 'template', 'late', 'escalated'];

function fillFilterOptions() {
  const { departments, people, templates } = state.meta;
  $('f-department').append(...departments.map((d) => el('option', { value: d.id }, d.name)));
  $('f-person').append(...people.map((p) => el('option', { value: p.id }, p.name)));
  $('f-template').append(...templates.map((t) => el('option', { value: t.key }, t.name)));
}

function readFilters() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const input = $(`f-${name}`);
    const value = input.type === 'checkbox' ? (input.checked ? '1' : '') : input.value;
    if (value && !(name === 'status' && value === 'open')) params.set(name, value);
  }
  return params;
}

function writeFilters(params) {
  for (const name of FILTERS) {
    const input = $(`f-${name}`);
    if (input.type === 'checkbox') input.checked = params.get(name) === '1';
    else if (params.has(name)) input.value = params.get(name);
  }
}

async function loadTasks() {
  const params = readFilters();
  history.replaceState(null, '', params.size ? `/?${params}` : '/');
  const { tasks, limit } = await api(`/api/console/tasks?${params}`);
  $('tasks-count').textContent = tasks.length
    ? `共 ${tasks.length} 项任务${tasks.length >= limit ? `（只显示最新 ${limit} 项，请缩小筛选范围）` : ''}`
    : '没有符合条件的任务。';
  $('task-list').replaceChildren(...tasks.map(taskItem));
}

async function showTasks() {
  fillFilterOptions();
  writeFilters(new URLSearchParams(location.search));
  $('filters').addEventListener('change', () => loadTasks().catch(showError));
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('tasks-view').hidden = false;
  await loadTasks();
}

// --- one task ----------------------------------------------------------------------------

function renderCard(card) {
  return el(
    'article',
    { class: `card ${card.tone}`, 'data-card': card.key },
    el('h4', {}, card.title),
    card.subtitle ? el('div', { class: 'sub' }, card.subtitle) : null,
    card.fields.length
      ? el(
          'dl',
          {},
          card.fields.map((f) => [el('dt', {}, f.label), el('dd', {}, f.value)]),
        )
      : null,
    el(
      'ol',
      {},
      card.steps.map((s) =>
        el(
          'li',
          {},
          `${s.ref} ${s.title} · ${s.owners}${s.deadline ? ` · 截止 ${s.deadline}` : ''} `,
          badge(s.stateText, s.state),
        ),
      ),
    ),
    card.note ? el('div', { class: 'note' }, card.note) : null,
    card.actions.length
      ? el(
          'p',
          { class: 'muted' },
          `在聊天中可操作：${card.actions.map((a) => a.label).join('、')}`,
        )
      : null,
  );
}

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

async function showTask(id) {
  const detail = await api(`/api/console/tasks/${encodeURIComponent(id)}`);
  const { task } = detail;
  document.title = `#${task.number} ${task.title} · 接力控制台`;
  $('task-title').textContent = `#${task.number} ${task.title}`;
  $('task-meta').replaceChildren(
    ...taskBadges(task),
    ` 发起人 ${task.creator.name} · 创建于 ${formatAt(task.createdAt)}`,
    task.closedAt ? ` · 结束于 ${formatAt(task.closedAt)}` : '',
  );
  $('task-card').replaceChildren(renderCard(detail.card));
  $('gantt').replaceChildren(
    renderGantt(detail.timeline, { now: detail.now, format: (iso) => formatAt(iso, true) }),
  );
  const nodeRefs = new Map(task.nodes.map((n) => [n.id, n.ref]));
  $('event-log').tBodies[0].replaceChildren(...detail.events.map((e) => eventRow(e, nodeRefs)));
  $('task-view').hidden = false;
}

// --- departments -------------------------------------------------------------------------

function holdingItem(h) {
  return el(
    'li',
    { class: h.late ? 'late' : null },
    el('a', { href: h.path }, `${h.ref} ${h.taskTitle} · ${h.nodeTitle}`),
    h.deadlineText ? ` · 截止 ${h.deadlineText} ` : ' ',
    badge(h.stateText, h.state),
  );
}

function personItem(person) {
  return el(
    'li',
    {},
    el('strong', {}, person.name),
    ` ${person.holds.length ? `手上 ${person.holds.length} 项` : '暂无待办'}`,
    person.holds.length ? el('ul', { class: 'holds' }, person.holds.map(holdingItem)) : null,
  );
}

async function showDepartments() {
  const { departments } = await api('/api/console/departments');
  $('department-list').replaceChildren(
    ...departments.map((d) =>
      el(
        'section',
        { class: 'department', 'aria-label': d.name },
        el('h3', {}, d.name),
        el('ul', { class: 'people' }, d.people.map(personItem)),
      ),
    ),
  );
  $('departments-view').hidden = false;
}

// --- KPIs (computed by /api/kpis; this section only shows this week's overall numbers) -------

const percent = (rate) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;

function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} 秒`;
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时 ${minutes % 60} 分`;
  return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
}

function kpiEntries(row) {
  const escalations = Object.values(row.escalations ?? {}).reduce((a, b) => a + b, 0);
  return [
    ['节点按时完成率', percent(row.onTimeRate), `${row.nodesFinished} 个节点完成`],
    ['首次响应及时率', percent(row.responseOnTimeRate), `${row.responsesMeasured} 次响应`],
    ['平均处理时长', duration(row.resolveWall?.meanMs), '从开始到完成'],
    ['任务按计划完成率', percent(row.onPlanRate), `${row.tasksClosed} 项任务结束`],
    ['返工率', percent(row.reworkRate), `${row.nodesReworked} 个节点返工`],
    ['超时升级', `${escalations} 次`, '含手动升级'],
    ['当前超时节点', `${row.openLate} 个`, '此刻'],
    [
      '满意度',
      row.ratingMean === null ? '—' : `${row.ratingMean.toFixed(1)} 分`,
      `${row.ratingCount} 次评分`,
    ],
  ];
}

async function showKpis() {
  const res = await fetch('/api/kpis', { headers: { accept: 'application/json' } });
  // Deployments without the KPI endpoint simply show no KPI section.
  if (res.status === 404) return;
  if (!res.ok) throw new Error(`关键指标：${res.statusText}`);
  const report = await res.json();
  const row = report.rows.find((r) => r.key === 'all') ?? report.rows[0];
  if (!row) return;
  $('kpis-period').textContent = `本周（${report.from} 起）`;
  $('kpi-list').replaceChildren(
    ...kpiEntries(row).map(([label, value, note]) =>
      el(
        'div',
        { class: 'kpi' },
        el('dt', {}, label),
        el('dd', {}, value),
        el('dd', { class: 'note' }, note),
      ),
    ),
  );
  $('kpis').hidden = false;
}

// --- start -------------------------------------------------------------------------------

function showError(err) {
  $('error').textContent = `出错了：${err.message}`;
  $('error').hidden = false;
}

async function start() {
  // A link carrying the token has set the cookie by now; keep the token out of the address bar.
  const params = new URLSearchParams(location.search);
  if (params.has('token')) {
    params.delete('token');
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }
  state.meta = await api('/api/console/meta');
  const zone = { timeZone: state.meta.timezone, hour12: false };
  const parts = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };
  state.time = new Intl.DateTimeFormat('zh-CN', { ...zone, ...parts });
  state.timeSeconds = new Intl.DateTimeFormat('zh-CN', { ...zone, ...parts, second: '2-digit' });
  const path = location.pathname;
  const taskId = /^\/tasks\/([^/]+)$/.exec(path)?.[1];
  const current = path === '/departments' ? 'departments' : 'tasks';
  for (const a of document.querySelectorAll('[data-nav]'))
    if (a.dataset.nav === current && !taskId) a.setAttribute('aria-current', 'page');
  let refresh = loadTasks;
  if (taskId) {
    refresh = () => showTask(decodeURIComponent(taskId));
    await refresh();
  } else if (current === 'departments') {
    refresh = showDepartments;
    await refresh();
  } else {
    showKpis().catch(showError);
    await showTasks();
  }
  document.body.dataset.ready = 'true';
  // Coordinators keep the console open on a screen: it re-reads its data while it is visible.
  setInterval(() => {
    if (!document.hidden) refresh().catch(showError);
  }, REFRESH_MS);
}

start().catch(showError);
