// The task list (`/`) and its filters, kept in the address so a filtered view can be shared.
import { $, api, el, showError, view } from './console-dom.js';
import { taskItem } from './console-task-rows.js';

const FILTERS = ['status', 'department', 'person', 'template', 'late', 'escalated'];

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

export async function loadTasks() {
  const params = readFilters();
  history.replaceState(null, '', params.size ? `/?${params}` : '/');
  const { tasks, limit } = await api(`/api/console/tasks?${params}`);
  $('tasks-count').textContent = tasks.length
    ? `共 ${tasks.length} 项任务${tasks.length >= limit ? `（只显示最新 ${limit} 项，请缩小筛选范围）` : ''}`
    : '没有符合条件的任务。';
  $('task-list').replaceChildren(...tasks.map(taskItem));
}

export async function showTasks() {
  fillFilterOptions();
  writeFilters(new URLSearchParams(location.search));
  $('filters').addEventListener('change', () => loadTasks().catch(showError));
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('tasks-view').hidden = false;
  await loadTasks();
}
