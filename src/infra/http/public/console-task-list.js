// The task list (`/`): search, filters, order and page, kept in the address so a view can be
// shared; the export link carries the same filters.
import { $, api, el, showError, view } from './console-dom.js';
import { taskItem } from './console-task-rows.js';

const FILTERS = ['q', 'status', 'department', 'person', 'template', 'late', 'escalated', 'sort'];
/** Left out of the address when chosen: what the server assumes. */
const DEFAULTS = { status: 'open', sort: 'newest' };
const PAGE_SIZE = 50;
let page = 1;

function fillFilterOptions() {
  const { departments, people, templates } = view.meta;
  $('f-department').append(...departments.map((d) => el('option', { value: d.id }, d.name)));
  $('f-person').append(...people.map((p) => el('option', { value: p.id }, p.name)));
  $('f-template').append(...templates.map((t) => el('option', { value: t.key }, t.name)));
}

function readFilters() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const input = $(`f-${name}`);
    const value = input.type === 'checkbox' ? (input.checked ? '1' : '') : input.value.trim();
    if (value && DEFAULTS[name] !== value) params.set(name, value);
  }
  return params;
}

function writeFilters(params) {
  for (const name of FILTERS) {
    const input = $(`f-${name}`);
    if (input.type === 'checkbox') input.checked = params.get(name) === '1';
    else if (params.has(name)) input.value = params.get(name);
  }
  page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
}

function showPager(total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  $('pager').hidden = pages <= 1;
  $('page-at').textContent = `第 ${page} / ${pages} 页`;
  $('page-prev').disabled = page <= 1;
  $('page-next').disabled = page >= pages;
}

export async function loadTasks() {
  const filters = readFilters();
  const shown = new URLSearchParams(filters);
  if (page > 1) shown.set('page', String(page));
  history.replaceState(null, '', shown.size ? `/?${shown}` : '/');
  $('tasks-csv').href = `/api/console/tasks.csv${filters.size ? `?${filters}` : ''}`;
  const query = new URLSearchParams(shown);
  query.set('pageSize', String(PAGE_SIZE));
  const { tasks, total } = await api(`/api/console/tasks?${query}`);
  const first = (page - 1) * PAGE_SIZE + 1;
  $('tasks-count').textContent = total
    ? `共 ${total} 项任务${total > tasks.length ? `，显示第 ${first}–${first + tasks.length - 1} 项` : ''}`
    : '没有符合条件的任务。';
  $('task-list').replaceChildren(...tasks.map(taskItem));
  showPager(total);
}

function turnTo(next) {
  page = next;
  loadTasks().catch(showError);
}

export async function showTasks() {
  fillFilterOptions();
  writeFilters(new URLSearchParams(location.search));
  // Another filter, search or order starts again at the first page.
  $('filters').addEventListener('change', () => turnTo(1));
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    turnTo(1);
  });
  $('page-prev').addEventListener('click', () => turnTo(page - 1));
  $('page-next').addEventListener('click', () => turnTo(page + 1));
  $('tasks-view').hidden = false;
  await loadTasks();
}
