// The directory panel of `/departments`: recent syncs from WeCom/DingTalk contacts, the button
// asking for one now, and, per department, its liaison and leader with where each came from.
import { $, api, badge, el, formatAt, personName } from './console-dom.js';

const SOURCES = {
  'org-file': '组织文件',
  chat: '群内设置',
  wecom: '企业微信通讯录',
  dingtalk: '钉钉通讯录',
};
const PLATFORMS = { wecom: '企业微信', dingtalk: '钉钉' };
const STATUS = {
  running: ['同步中', 'active'],
  succeeded: ['成功', 'done'],
  failed: ['失败', 'late'],
};
const COUNTS = {
  'person.joined': '新增',
  'person.left': '离开',
  'person.moved': '调岗',
  'person.renamed': '改名',
  'person.returned': '回归',
  'department.created': '新部门',
  'department.renamed': '部门改名',
  'department.removed': '部门撤销',
  'department.leader_changed': '负责人变更',
};

const sourced = (value) =>
  value ? `${personName(value.id)}（${SOURCES[value.source] ?? '来源不明'}）` : '未设置';

/** `联络员 张三（组织文件）· 负责人 王五（钉钉通讯录）· 12 人`, for a department's heading. */
export function departmentSetup(d) {
  return `联络员 ${sourced(d.liaison)} · 负责人 ${sourced(d.leader)} · ${d.people} 人`;
}

function syncItem(s) {
  const [text, kind] = STATUS[s.status] ?? [s.status, 'waiting'];
  const counts = Object.entries(COUNTS)
    .filter(([key]) => s.summary[key])
    .map(([key, label]) => `${label} ${s.summary[key]}`);
  const detail =
    s.status === 'failed'
      ? s.error
      : s.status === 'succeeded'
        ? `${s.summary.people ?? 0} 人，${counts.length ? counts.join('，') : '无变化'}`
        : '';
  return el(
    'li',
    {},
    `${formatAt(s.startedAt)} ${PLATFORMS[s.platform] ?? s.platform} `,
    badge(text, kind),
    ` ${detail}`,
  );
}

async function requestSync(button) {
  button.disabled = true;
  const res = await fetch('/api/console/directory/sync', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{}',
  });
  $('directory-status').textContent =
    res.status === 202 ? '已开始同步，稍后刷新本页查看结果。' : `无法同步（${res.status}）。`;
}

/** `姓名：钉钉通讯录；部门：组织文件`, a person's tooltip on the department page. */
function personSources(sources) {
  if (!sources) return null;
  const label = (source) => SOURCES[source] ?? '未设置';
  return `姓名来自${label(sources.name)}；部门来自${label(sources.department)}`;
}

/** Renders the panel; returns the departments' setup lines and people's sources by id. */
export async function showDirectory() {
  const directory = await api('/api/console/directory');
  const button = directory.syncAvailable
    ? el('button', { type: 'button', id: 'directory-sync' }, '立即同步')
    : null;
  button?.addEventListener('click', () => requestSync(button).catch(() => undefined));
  $('directory-panel').replaceChildren(
    el('h3', {}, '通讯录同步'),
    directory.syncAvailable
      ? el('p', {}, button, ' 每小时自动从通讯录同步人员、部门和负责人。')
      : el(
          'p',
          { class: 'muted' },
          '未配置企业微信或钉钉通讯录，人员来自组织文件（见 docs/directory.md）。',
        ),
    el('p', { id: 'directory-status', role: 'status', 'aria-live': 'polite' }),
    directory.syncs.length
      ? el('ul', { class: 'syncs' }, directory.syncs.map(syncItem))
      : el('p', { class: 'muted' }, '还没有同步记录。'),
    el('p', { class: 'muted' }, '优先级：组织文件 ＞ 群内设置（/设置）＞ 通讯录。'),
  );
  return {
    departments: new Map(directory.departments.map((d) => [d.id, departmentSetup(d)])),
    people: (id) => personSources(directory.people[id]),
  };
}
