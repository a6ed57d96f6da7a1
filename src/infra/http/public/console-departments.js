// Who holds what (`/departments`): each department's people and the open nodes waiting on them.

import { showDirectory } from './console-directory.js';
import { $, api, badge, el } from './console-dom.js';

function holdingItem(h) {
  return el(
    'li',
    { class: h.late ? 'late' : null },
    el('a', { href: h.path }, `${h.ref} ${h.taskTitle} · ${h.nodeTitle}`),
    h.deadlineText ? ` · 截止 ${h.deadlineText} ` : ' ',
    badge(h.stateText, h.state),
  );
}

function personItem(person, sourcesOf) {
  return el(
    'li',
    { title: sourcesOf(person.id) },
    el('strong', {}, person.name),
    ` ${person.holds.length ? `手上 ${person.holds.length} 项` : '暂无待办'}`,
    person.holds.length ? el('ul', { class: 'holds' }, person.holds.map(holdingItem)) : null,
  );
}

export async function showDepartments() {
  const [{ departments }, setup] = await Promise.all([
    api('/api/console/departments'),
    showDirectory(),
  ]);
  $('department-list').replaceChildren(
    ...departments.map((d) =>
      el(
        'section',
        { class: 'department', 'aria-label': d.name },
        el('h3', {}, d.name),
        setup.departments.has(d.id)
          ? el('p', { class: 'muted setup' }, setup.departments.get(d.id))
          : null,
        el(
          'ul',
          { class: 'people' },
          d.people.map((p) => personItem(p, setup.people)),
        ),
      ),
    ),
  );
  $('departments-view').hidden = false;
}
