// Small helpers every console view shares: elements, the JSON API, times in the org's zone.
import { el } from './dom.js';

export const $ = (id) => document.getElementById(id);

/** What the page learnt at start: the organisation (names, filters) and its time formats. */
export const view = { meta: null, time: null, timeSeconds: null };

export function useMeta(meta) {
  const zone = { timeZone: meta.timezone, hour12: false };
  const parts = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };
  view.meta = meta;
  view.time = new Intl.DateTimeFormat('zh-CN', { ...zone, ...parts });
  view.timeSeconds = new Intl.DateTimeFormat('zh-CN', { ...zone, ...parts, second: '2-digit' });
}

export { el };

export async function api(path) {
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

export const formatAt = (iso, seconds = false) =>
  iso ? (seconds ? view.timeSeconds : view.time).format(new Date(iso)) : '—';
export const personName = (id) => view.meta.people.find((p) => p.id === id)?.name ?? id;

export function badge(text, kind) {
  return el('span', { class: `state ${kind}` }, text);
}

export function showError(err) {
  $('error').textContent = `出错了：${err.message}`;
  $('error').hidden = false;
}
