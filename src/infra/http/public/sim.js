// The chat simulator's page: pick who you are, type in a group or private chat, tap card buttons.
// Everything goes through Baton's real engine; this page only shows the transcript.
import { renderCard } from './card-view.js';
import { el } from './dom.js';

const state = { people: [], chats: [], me: null, conversation: null };
const $ = (id) => document.getElementById(id);
/** The longest wait between retries a busy answer may ask for. */
const MAX_RETRY_S = 30;

/** A short line above the composer (busy, too long, failed); null hides it. */
function notify(text) {
  $('notice').textContent = text ?? '';
  $('notice').hidden = !text;
}

async function failure(res) {
  if (res.status === 401) return new Error('登录已失效，请刷新页面并输入管理令牌。');
  const message = (await res.json().catch(() => ({}))).error?.message ?? res.statusText;
  // A message too long to take: the server says why, in Chinese, as it is.
  if (res.status === 413) return new Error(message);
  return new Error(`出错了（${res.status}）：${message}`);
}

async function api(path) {
  const res = await fetch(path);
  if (!res.ok) throw await failure(res);
  return res.json();
}

/**
 * Posts a message or a tap. While Baton is busy (429, 503) it waits as Retry-After asks and
 * sends the same body again: its clientId makes a second copy of an accepted one harmless.
 */
async function post(path, body) {
  for (;;) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 429 && res.status !== 503) {
      if (!res.ok) throw await failure(res);
      notify(null);
      return res.json();
    }
    const waitS = Math.min(Number(res.headers.get('retry-after')) || 2, MAX_RETRY_S);
    notify(`接力正忙，${waitS} 秒后自动重发……`);
    await new Promise((resolve) => setTimeout(resolve, waitS * 1000));
  }
}

/**
 * Messages and taps go one after another, so a retried one keeps its place. Resolves to
 * whether Baton took it; why not is shown above the composer.
 */
let outgoing = Promise.resolve();
function enqueue(job) {
  const taken = outgoing.then(job).then(
    () => true,
    (err) => {
      notify(err.message);
      return false;
    },
  );
  outgoing = taken;
  return taken;
}

/** A random id per message or tap (crypto.randomUUID needs HTTPS; this does not). */
function newClientId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

const nameOf = (id) => state.people.find((p) => p.id === id)?.name ?? id;

function cardOf(entry, card) {
  return renderCard(card, {
    actions: (actions) =>
      el(
        'div',
        { class: 'actions' },
        actions.map((a) =>
          el('button', { class: a.style, type: 'button', onclick: () => tap(entry, a) }, a.label),
        ),
      ),
  });
}

function renderEntry(entry) {
  const body = entry.body;
  const who = entry.direction === 'in' ? nameOf(entry.senderId) : '接力 Baton';
  const content =
    body.kind === 'card'
      ? cardOf(entry, body.card)
      : el('div', { class: 'bubble' }, body.kind === 'markdown' ? body.markdown : body.text);
  return el(
    'div',
    { class: `msg ${entry.direction}`, id: `entry-${entry.id}` },
    el('div', { class: 'who' }, who),
    content,
  );
}

function showEntry(entry) {
  if (entry.conversation !== state.conversation) return;
  const log = $('log');
  const existing = document.getElementById(`entry-${entry.id}`);
  if (existing) existing.replaceWith(renderEntry(entry));
  else log.append(renderEntry(entry));
  log.scrollTop = log.scrollHeight;
}

async function openConversation(conversation) {
  state.conversation = conversation;
  for (const b of $('chats').querySelectorAll('button')) {
    b.setAttribute('aria-current', String(b.dataset.conversation === conversation));
  }
  $('log').replaceChildren();
  const { entries } = await api(`/sim/api/conversations/${encodeURIComponent(conversation)}`);
  for (const e of entries) showEntry(e);
}

function renderChats() {
  const mine = { id: `user:${state.me}`, name: '与接力私聊' };
  $('chats').replaceChildren(
    ...[...state.chats, mine].map((c) =>
      el(
        'button',
        { type: 'button', 'data-conversation': c.id, onclick: () => openConversation(c.id) },
        c.name,
      ),
    ),
  );
}

function send(text) {
  const body = {
    conversation: state.conversation,
    personId: state.me,
    text,
    clientId: newClientId(),
  };
  return enqueue(() => post('/sim/api/messages', body));
}

function tap(entry, action) {
  const body = {
    conversation: entry.conversation,
    personId: state.me,
    entryId: entry.id,
    actionId: action.actionId,
    value: action.value,
    clientId: newClientId(),
  };
  return enqueue(() => post('/sim/api/actions', body));
}

async function start() {
  // A link carrying the token has set the cookie by now; keep the token out of the address bar.
  const params = new URLSearchParams(location.search);
  if (params.has('token')) {
    params.delete('token');
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }
  const { people, chats } = await api('/sim/api/state');
  Object.assign(state, {
    people,
    chats,
    me: localStorage.getItem('baton.sim.me') ?? people[0]?.id,
  });
  $('me').replaceChildren(
    ...people.map((p) =>
      el('option', { value: p.id }, `${p.name}${p.department ? `（${p.department}）` : ''}`),
    ),
  );
  $('me').value = state.me;
  $('me').addEventListener('change', () => {
    state.me = $('me').value;
    localStorage.setItem('baton.sim.me', state.me);
    renderChats();
    if (state.conversation?.startsWith('user:')) openConversation(`user:${state.me}`);
  });
  renderChats();
  await openConversation(chats[0]?.id ?? `user:${state.me}`);
  new EventSource('/sim/api/stream').addEventListener('entry', (e) =>
    showEntry(JSON.parse(e.data)),
  );
  $('composer').addEventListener('submit', async (e) => {
    e.preventDefault();
    const typed = $('text').value;
    const text = typed.trim();
    if (!text) return;
    $('text').value = '';
    // Not taken (too long, logged out): what was typed comes back to be edited.
    if (!(await send(text)) && !$('text').value) $('text').value = typed;
  });
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('composer').requestSubmit();
  });
}

start().catch((err) => notify(err.message));
