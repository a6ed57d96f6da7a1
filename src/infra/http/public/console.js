// The console: the task list with filters (`/`), a task with its card, timeline and log
// (`/tasks/:id`, where chat cards link), and who holds what per department (`/departments`).
// It only reads: every change happens in chat, through the engine.

import { showDepartments } from './console-departments.js';
import { api, showError, useMeta } from './console-dom.js';
import { showKpis } from './console-kpis.js';
import { loadTasks, showTasks } from './console-task-list.js';
import { showTask } from './console-task-page.js';

const REFRESH_MS = 30_000;

async function start() {
  // A link carrying the token has set the cookie by now; keep the token out of the address bar.
  const params = new URLSearchParams(location.search);
  if (params.has('token')) {
    params.delete('token');
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }
  useMeta(await api('/api/console/meta'));
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
